package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class BackpropTest {

    /** A stand-in subcommand that fails the way real commands do. */
    @Command(name = "load", description = "Fails on purpose.")
    static final class Load implements Callable<Integer> {
        @Option(names = "--fail-with", description = "io, missing, unchecked, argument or bug")
        String failure = "";

        @Option(names = "--epochs")
        int epochs = 1;

        @Override
        public Integer call() throws Exception {
            switch (failure) {
                case "io" -> throw new IOException("data.csv line 3, column 2: 'abc' is not a number");
                case "missing" -> throw new NoSuchFileException("train.csv");
                case "unchecked" -> throw new UncheckedIOException(new IOException("model.bpm: not a backprop model"));
                case "argument" -> throw new IllegalArgumentException("Shapes [2, 3] and\n[4] do not match");
                case "bug" -> throw new NullPointerException("layer");
                default -> {
                    return 0;
                }
            }
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Backprop.newCommandLine().addSubcommand(new Load());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void helpIsPrintedOnStandardOutputWithExitCodeZero() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: backprop").contains("Exit codes:").contains("load");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionNamesTheProjectVersionAndTheJavaRuntime() {
        Run run = run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("backprop 0.1.0").contains("Java " + System.getProperty("java.version"))
                .contains("float32 kernels: ");
    }

    @Test
    void aSucceedingCommandExitsWithZeroAndPrintsNoError() {
        Run run = run("load");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageErrorOnOneLineWithASuggestion() {
        Run run = run("load", "--epoch", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: unknown options: '--epoch', '3'; did you mean --epochs?"
                + " (see 'backprop load --help')" + System.lineSeparator());
    }

    @Test
    void aBadValueIsAUsageErrorNamingTheOptionAndTheValue() {
        Run run = run("load", "--epochs", "many");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: invalid value for option '--epochs': 'many' is not an int")
                .hasLineCount(1);
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        Run run = run("lod");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: unknown command 'lod'; did you mean load? (see 'backprop --help')"
                + System.lineSeparator());
    }

    @Test
    void noCommandIsAUsageErrorListingTheCommands() {
        Run run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> commands = new ArrayList<>(Backprop.newCommandLine().getSubcommands().keySet());
        commands.add("load");
        assertThat(commands).contains("explain");
        assertThat(run.err()).isEqualTo("error: missing command (one of: " + String.join(", ", commands)
                + ") (see 'backprop --help')" + System.lineSeparator());
    }

    @Test
    void aDataErrorExitsWithOneAndItsMessageOnOneLine() {
        Run io = run("load", "--fail-with", "io");
        Run argument = run("load", "--fail-with", "argument");
        Run unchecked = run("load", "--fail-with", "unchecked");

        assertThat(io.exitCode()).isEqualTo(1);
        assertThat(io.err())
                .isEqualTo("error: data.csv line 3, column 2: 'abc' is not a number" + System.lineSeparator());
        assertThat(argument.exitCode()).isEqualTo(1);
        assertThat(argument.err()).isEqualTo("error: shapes [2, 3] and [4] do not match" + System.lineSeparator());
        assertThat(unchecked.exitCode()).isEqualTo(1);
        assertThat(unchecked.err()).isEqualTo("error: model.bpm: not a backprop model" + System.lineSeparator());
    }

    @Test
    void aMissingFileIsNamedWithWhatIsWrongWithIt() {
        Run run = run("load", "--fail-with", "missing");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: no such file or folder: train.csv" + System.lineSeparator());
    }

    @Test
    void aBugExitsWithOneAndShowsTheStackTraceForTheBugReport() {
        Run run = run("load", "--fail-with", "bug");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: internal error: java.lang.NullPointerException: layer")
                .contains("at dev.backprop.cli.BackpropTest$Load.call");
    }
}
