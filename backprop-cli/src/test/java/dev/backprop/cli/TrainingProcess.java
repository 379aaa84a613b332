package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code backprop train} in a JVM of its own (the runnable jar), which a test can signal or kill.
 * It runs with the scalar kernels, as the test JVM does, so its results compare bit for bit with
 * in-process runs.
 */
final class TrainingProcess {
    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();

    private TrainingProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), out);
        drain(process.getErrorStream(), err);
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("backprop.jar", "target/backprop.jar"));
        assertThat(jar).as("runnable jar built by the package phase").isRegularFile();
        return jar;
    }

    /**
     * Starts {@code backprop ARGS}. A process started in the background by a non-interactive shell
     * ignores SIGINT, and so would its children; where this JVM does, the child is started through
     * perl, which puts the default action back, so it sees Ctrl-C as a terminal delivers it.
     */
    static TrainingProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (ignoresSigint()) {
            command.addAll(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\""));
        }
        // C1 only and one GC thread: a JVM that starts fast; neither changes a single floating-point result.
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString()));
        command.addAll(List.of(args));
        return new TrainingProcess(new ProcessBuilder(command).start());
    }

    /** Whether this JVM ignores SIGINT (bit 2 of SigIgn in /proc/self/status). */
    static boolean ignoresSigint() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    /** Whether perl is there to reset SIGINT, or not needed. */
    static boolean canReceiveSigint() throws IOException {
        if (!ignoresSigint()) {
            return true;
        }
        try {
            return new ProcessBuilder("perl", "-e", "1").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends a signal by name ({@code INT}, {@code TERM}) with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start().waitFor()).isZero();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits for the exit and returns its code; fails the test if it takes longer than {@code limit}. */
    int waitFor(Duration limit) throws InterruptedException {
        assertThat(process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)).as("process finished; stderr: %s", err)
                .isTrue();
        return process.exitValue();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    private static void drain(InputStream stream, StringBuffer into) {
        Thread drainer = new Thread(() -> {
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    into.append(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        drainer.setDaemon(true);
        drainer.start();
    }
}
