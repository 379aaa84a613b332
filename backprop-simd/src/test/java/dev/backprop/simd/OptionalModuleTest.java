package dev.backprop.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.kernels.Gemm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar is optional at run time too: on a JVM started without
 * {@code --add-modules jdk.incubator.vector}, core must fall back to scalar without an error,
 * unless the user forced SIMD, which must then fail with the flag to add.
 */
class OptionalModuleTest {

  /** Prints the chosen provider; run in a child JVM. */
  public static void main(String[] args) {
    System.out.println("provider=" + Gemm.providerName());
  }

  @Test
  void withoutTheModuleFlagCoreFallsBackToScalar() throws Exception {
    Result result = runChild();
    assertThat(result.output).contains("provider=scalar");
    assertThat(result.exitCode).isZero();
  }

  @Test
  void forcingSimdWithoutTheModuleFlagFailsNamingTheFlag() throws Exception {
    Result result = runChild("-Dbackprop.simd=true");
    assertThat(result.exitCode).isNotZero();
    assertThat(result.output).contains("--add-modules jdk.incubator.vector")
        .contains("vector-api (not supported in this JVM)");
  }

  private record Result(int exitCode, String output) {}

  private static Result runChild(String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(OptionalModuleTest.class.getName());
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    return new Result(child.exitValue(), output);
  }
}
