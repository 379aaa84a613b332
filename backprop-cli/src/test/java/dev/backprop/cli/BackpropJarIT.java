package dev.backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged runnable jar in a fresh JVM, the way {@code bin/backprop} does, and checks
 * the contract scripts rely on: results alone on standard output, errors on standard error, the
 * documented exit codes.
 */
class BackpropJarIT {

    private record Result(int exitCode, String out, String err) {
    }

    @Test
    void versionGoesToStandardOutputAndTheIncubatorWarningDoesNot() throws Exception {
        Result result = run(javaCommand("--version"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .matches("backprop \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\RJava .*\\Rfloat32 kernels: .*\\R");
        assertThat(result.out()).doesNotContain("WARNING");
    }

    @Test
    void theJarCarriesTheSimdKernelsAndFallsBackToScalarWithoutTheIncubatorModule() throws Exception {
        try (JarFile jar = new JarFile(jar().toFile())) {
            JarEntry services = jar.getJarEntry("META-INF/services/dev.backprop.kernels.spi.GemmProvider");
            assertThat(services).as("GemmProvider service registration").isNotNull();
            String providers = new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(providers.lines()).contains("dev.backprop.simd.VectorGemmProvider");
        }

        List<String> withoutModule = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString(), "--version");
        assertThat(run(withoutModule).out()).contains("float32 kernels: scalar");
    }

    @Test
    void aBadFlagExitsWithTwoAndOneErrorLine() throws Exception {
        Result result = run(javaCommand("--bogus"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().filter(line -> line.startsWith("error: ")))
                .containsExactly("error: unknown option: '--bogus' (see 'backprop --help')");
    }

    @Test
    void theLauncherScriptRunsTheJar() throws Exception {
        Path repository = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        Path expectedJar = repository.resolve("backprop-cli/target/backprop.jar");
        assumeTrue(Files.isSameFile(jar().getParent(), expectedJar.getParent()),
                "the launcher looks in backprop-cli/target; this build writes elsewhere");

        Result result = run(List.of(repository.resolve("bin/backprop").toString(), "--help"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: backprop");
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("backprop.jar", "target/backprop.jar"));
        assertThat(jar).as("runnable jar built by the package phase").isRegularFile();
        return jar;
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process, true));
        String out = readAll(process, false);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Result(process.exitValue(), out, err.join());
    }

    private static String readAll(Process process, boolean errorStream) {
        try {
            byte[] bytes = (errorStream ? process.getErrorStream() : process.getInputStream()).readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
