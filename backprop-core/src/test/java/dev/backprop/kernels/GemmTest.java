package dev.backprop.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.backprop.kernels.spi.GemmCase;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GemmTest {

  private final int threadsBefore = Parallel.threads();

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threadsBefore);
  }

  // A = [[1, 2, 3], [4, 5, 6]], B = [[7, 8], [9, 10], [11, 12]]:
  // A·B = [[1·7 + 2·9 + 3·11, 1·8 + 2·10 + 3·12], [4·7 + 5·9 + 6·11, 4·8 + 5·10 + 6·12]]
  //     = [[58, 64], [139, 154]].
  private static final float[] A = {1, 2, 3, 4, 5, 6};
  private static final float[] A_T = {1, 4, 2, 5, 3, 6};
  private static final float[] B = {7, 8, 9, 10, 11, 12};
  private static final float[] B_T = {7, 9, 11, 8, 10, 12};
  private static final float[] PRODUCT = {58, 64, 139, 154};

  @ParameterizedTest
  @CsvSource({"false,false", "false,true", "true,false", "true,true"})
  void multipliesSmallIntegerMatricesExactlyInEveryTransposeForm(boolean transA, boolean transB) {
    float[] c = new float[4];
    Gemm.gemm(transA, transB, 2, 2, 3, transA ? A_T : A, 0, transB ? B_T : B, 0, c, 0, false);
    assertThat(c).containsExactly(PRODUCT);

    double[] cd = {1, 1, 1, 1};
    Gemm.gemm(transA, transB, 2, 2, 3, doubles(transA ? A_T : A), 0, doubles(transB ? B_T : B), 0,
        cd, 0, true);
    assertThat(cd).containsExactly(59, 65, 140, 155);
  }

  @Test
  void batchedProductsAtOffsetsWriteOnlyTheirOwnBlock() {
    // Two 2×3 · 3×2 products in one array each, the second one at offset 6 / 6 / 4.
    float[] a = concat(A, A_T);
    float[] b = concat(B, B);
    float[] c = {-1, -1, -1, -1, -1, -1, -1, -1, -1};
    Gemm.gemm(false, false, 2, 2, 3, a, 0, b, 0, c, 0, false);
    Gemm.gemm(true, false, 2, 2, 3, a, 6, b, 6, c, 4, false);
    assertThat(c).containsExactly(58, 64, 139, 154, 58, 64, 139, 154, -1);
  }

  @Test
  void emptyInnerDimensionGivesZerosOrLeavesTheSumAlone() {
    float[] c = {5, 5, 5, 5};
    Gemm.gemm(false, false, 2, 2, 0, new float[0], 0, new float[0], 0, c, 0, true);
    assertThat(c).containsExactly(5, 5, 5, 5);
    Gemm.gemm(false, false, 2, 2, 0, new float[0], 0, new float[0], 0, c, 0, false);
    assertThat(c).containsExactly(0, 0, 0, 0);
    double[] cd = {5, 5};
    Gemm.gemm(true, true, 1, 2, 0, new double[0], 0, new double[0], 0, cd, 0, false);
    assertThat(cd).containsExactly(0, 0);
  }

  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void floatProductMatchesTheExactProductWithinRoundingError(long seed) {
    GemmCase problem = GemmCase.random(seed, 400);
    float[] c = problem.initialC();
    Gemm.gemm(problem.transA(), problem.transB(), problem.m(), problem.n(), problem.k(),
        problem.a(), problem.offA(), problem.b(), problem.offB(), c, problem.offC(),
        problem.accumulate());
    problem.assertMatchesReference(c);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void doubleProductMatchesTheExactProductWithinRoundingError(long seed) {
    GemmCase problem = GemmCase.random(seed, 300);
    double[] a = doubles(problem.a());
    double[] b = doubles(problem.b());
    double[] c = doubles(problem.c());
    Gemm.gemm(problem.transA(), problem.transB(), problem.m(), problem.n(), problem.k(),
        a, problem.offA(), b, problem.offB(), c, problem.offC(), problem.accumulate());
    assertDoubleProduct(problem, c);
  }

  @ParameterizedTest
  @CsvSource({
      "false,false,130,257,100", "false,true,130,257,100", "true,false,130,257,100",
      "true,true,130,257,100", "false,true,1,700,800", "true,false,301,65,40",
      "false,false,97,1100,300"})
  void largeProductsGiveTheSameBitsOnOneThreadAndOnMany(boolean transA, boolean transB,
      int m, int n, int k) {
    assertThat((long) m * n * k).isGreaterThanOrEqualTo(Gemm.PARALLEL_MIN_MULTIPLY_ADDS);
    GemmCase problem = GemmCase.of(new SplittableRandom(m + n + k), transA, transB, m, n, k, true);
    float[][] floats = new float[2][];
    double[][] doubles = new double[2][];
    int[] threadCounts = {1, 3};
    for (int run = 0; run < 2; run++) {
      Parallel.setThreads(threadCounts[run]);
      floats[run] = problem.initialC();
      Gemm.gemm(transA, transB, m, n, k, problem.a(), problem.offA(), problem.b(),
          problem.offB(), floats[run], problem.offC(), true);
      doubles[run] = doubles(problem.c());
      Gemm.gemm(transA, transB, m, n, k, doubles(problem.a()), problem.offA(),
          doubles(problem.b()), problem.offB(), doubles[run], problem.offC(), true);
    }
    GemmCase.assertSameBits(floats[0], floats[1], "float32 on 1 vs 3 threads, " + problem);
    assertThat(doubles[1]).as("float64 on 1 vs 3 threads, %s", problem).containsExactly(doubles[0]);
    problem.assertMatchesReference(floats[1]);
  }

  @Test
  void warmedUpProductsAllocateNothingOnAnyPath() {
    GemmAllocationCheck.assertSteadyStateAllocatesNothing();
  }

  /** Checks C against the product in double, within the bound of a k-term double sum. */
  private static void assertDoubleProduct(GemmCase p, double[] c) {
    for (int i = 0; i < p.m(); i++) {
      for (int j = 0; j < p.n(); j++) {
        double sum = p.accumulate() ? p.c()[p.offC() + i * p.n() + j] : 0.0;
        double magnitude = Math.abs(sum);
        for (int q = 0; q < p.k(); q++) {
          double term = (double) p.opA(i, q) * p.opB(q, j);
          sum += term;
          magnitude += Math.abs(term);
        }
        double bound = 4.0 * (p.k() + 2) * 0x1p-53 * magnitude + Double.MIN_NORMAL;
        double got = c[p.offC() + i * p.n() + j];
        if (!(Math.abs(got - sum) <= bound)) {
          fail("C[%d][%d] = %s but the product is %s (bound %s) in %s", i, j, got, sum, bound, p);
        }
      }
    }
  }

  private static double[] doubles(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  private static float[] concat(float[] x, float[] y) {
    float[] z = new float[x.length + y.length];
    System.arraycopy(x, 0, z, 0, x.length);
    System.arraycopy(y, 0, z, x.length, y.length);
    return z;
  }
}
