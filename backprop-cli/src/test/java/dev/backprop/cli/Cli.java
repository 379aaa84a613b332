package dev.backprop.cli;

import dev.backprop.io.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the {@code backprop} command in-process, as {@code bin/backprop} would, capturing its output. */
final class Cli {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {

        /** Standard output parsed as the one JSON object {@code --json} promises. */
        Map<String, Object> json() {
            return Json.parseObject(out);
        }

        /** The lines of standard error that report an error. */
        String errorLine() {
            return err.lines().filter(line -> line.startsWith("error: ")).findFirst().orElse("");
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = Backprop.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
