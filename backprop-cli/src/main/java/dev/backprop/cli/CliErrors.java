package dev.backprop.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one line {@code error: ...} on standard error and an exit code: 2 for a bad
 * command line, 1 for everything that goes wrong while running (unreadable or malformed data, a
 * model file of another format). Exceptions that can only come from a bug in backprop itself
 * (a null dereference, an index out of bounds, a failure without a message) also print their
 * stack trace, because the user needs it to report the bug.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        StringBuilder line = new StringBuilder("error: ");
        if (e instanceof UnmatchedArgumentException unmatched) {
            line.append(unmatchedMessage(unmatched, command));
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
            }
        } else {
            line.append(oneLine(e.getMessage()));
        }
        line.append(" (see '").append(command.getCommandSpec().qualifiedName()).append(" --help')");
        PrintWriter err = command.getErr();
        err.println(line);
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A stray word where a command was expected is an unknown command, not an "unmatched argument". */
    private static String unmatchedMessage(UnmatchedArgumentException e, CommandLine command) {
        List<String> unmatched = e.getUnmatched();
        boolean commandExpected = !command.getSubcommands().isEmpty() && !e.isUnknownOption()
                && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-");
        return commandExpected ? "unknown command '" + unmatched.get(0) + "'" : oneLine(e.getMessage());
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (isBug(e)) {
            err.println("error: internal error: " + oneLine(String.valueOf(e)));
            e.printStackTrace(err);
        } else {
            err.println("error: " + describe(e));
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    private static boolean isBug(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        return cause.getMessage() == null
                || cause instanceof NullPointerException
                || cause instanceof IndexOutOfBoundsException
                || cause instanceof ClassCastException;
    }

    /** File-system exceptions carry only the path as their message; say what went wrong with it. */
    private static String describe(Throwable e) {
        if (e instanceof UncheckedIOException) {
            return describe(e.getCause());
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "already exists: " + exists.getFile();
        }
        if (e instanceof NotDirectoryException notFolder) {
            return "not a folder: " + notFolder.getFile();
        }
        if (e instanceof FileSystemException other && other.getReason() == null) {
            return "cannot access: " + other.getFile();
        }
        return oneLine(e.getMessage());
    }

    /** Error text as one line starting in lower case ("unknown option", not "Unknown option"). */
    private static String oneLine(String message) {
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        boolean capitalisedWord = line.length() > 1
                && Character.isUpperCase(line.charAt(0)) && Character.isLowerCase(line.charAt(1));
        return capitalisedWord ? Character.toLowerCase(line.charAt(0)) + line.substring(1) : line;
    }
}
