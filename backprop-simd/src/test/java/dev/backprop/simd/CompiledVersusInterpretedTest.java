package dev.backprop.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Same inputs, same bits, whether the kernels run in the interpreter or JIT-compiled. The first
 * steps of every training run execute before the JIT has compiled the kernels, so an operation
 * that rounds differently once compiled (as the Vector API's lane reductions do from JDK 24)
 * would make runs with the same seed drift apart.
 */
class CompiledVersusInterpretedTest {

  /** m, n, k, transposes (bit 0: A, bit 1: B): unpacked vector paths and every packed form. */
  private static final int[][] PRODUCTS = {
      {1, 40, 100, 2}, {2, 70, 40, 0}, {30, 50, 70, 0}, {30, 50, 70, 1}, {30, 50, 70, 2},
      {30, 50, 70, 3}};

  /** Prints one fingerprint per product; run in a child JVM with {@code -Xint}. */
  public static void main(String[] args) {
    System.out.println(fingerprints());
  }

  @Test
  void productsHaveTheSameBitsInTheInterpreterAndCompiled() throws Exception {
    String compiled = "";
    for (int warmUp = 0; warmUp < 3000; warmUp++) {
      compiled = fingerprints();
    }
    Process child = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xint",
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        CompiledVersusInterpretedTest.class.getName()))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String interpreted = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("interpreted child finished").isTrue();
    assertThat(interpreted.trim()).isEqualTo(compiled);
  }

  private static String fingerprints() {
    VectorGemmProvider vector = new VectorGemmProvider();
    StringBuilder out = new StringBuilder();
    for (int[] product : PRODUCTS) {
      int m = product[0];
      int n = product[1];
      int k = product[2];
      SplittableRandom random = new SplittableRandom(m * 1000L + n * 10L + k);
      float[] a = values(random, m * k);
      float[] b = values(random, k * n);
      float[] c = new float[m * n];
      vector.gemm((product[3] & 1) != 0, (product[3] & 2) != 0, m, n, k, a, 0, b, 0, c, 0, false,
          0, m, 0, n);
      long hash = 17;
      for (float x : c) {
        hash = 31 * hash + Float.floatToRawIntBits(x);
      }
      out.append(Long.toHexString(hash)).append(' ');
    }
    return out.toString().trim();
  }

  private static float[] values(SplittableRandom random, int length) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (2 * random.nextDouble() - 1);
    }
    return x;
  }
}
