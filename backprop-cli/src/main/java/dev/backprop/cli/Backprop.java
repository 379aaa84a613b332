package dev.backprop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code backprop} command: the top of the command tree that {@code bin/backprop} runs.
 *
 * <p>Exit codes: {@code 0} on success, {@code 2} on a usage error (unknown flag, bad value, missing
 * command), {@code 1} on a data or model error. Every error is reported as one line
 * {@code error: ...} on standard error, so standard output carries only results (and stays valid
 * JSON under {@code --json}). A subcommand reports a bad input file by throwing an exception
 * whose message names the file, line and value; see {@link CliErrors} for the mapping.
 */
@Command(
        name = "backprop",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        usageHelpAutoWidth = true,
        description = "Builds neural networks and trains them by backpropagation.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, SummaryCommand.class,
            ExplainCommand.class, GradcheckCommand.class},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:bad data or model file",
            "2:bad command line"
        })
public final class Backprop implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Creates the command; use {@link #newCommandLine()} to run it. */
    public Backprop() {
    }

    /**
     * Fails as a usage error: {@code backprop} alone names no command to run.
     *
     * @return never returns normally
     */
    @Override
    public Integer call() {
        String commands = String.join(", ", spec.subcommands().keySet());
        String choice = commands.isEmpty() ? "" : " (one of: " + commands + ")";
        throw new ParameterException(spec.commandLine(), "missing command" + choice);
    }

    /**
     * Builds the command line with the project's error handling: one-line errors and the exit
     * codes above. Subcommands are registered on the returned object.
     *
     * @return a ready-to-execute command line
     */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Backprop());
        CliErrors errors = new CliErrors();
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /**
     * Runs {@code backprop} with the given arguments and exits the JVM with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }
}
