package dev.backprop.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmallGemmTest {

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  private static float[] random(SplittableRandom rng, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rng.nextDouble(-1, 1);
    }
    return v;
  }

  /** op(A)[i][p]·op(B)[p][j] summed in double: the exact product to within float rounding of inputs. */
  private static double naive(boolean transA, boolean transB, int m, int n, int k, float[] a,
      int offA, float[] b, int offB, int i, int j) {
    double s = 0;
    for (int p = 0; p < k; p++) {
      double x = transA ? a[offA + p * m + i] : a[offA + i * k + p];
      double y = transB ? b[offB + j * k + p] : b[offB + p * n + j];
      s += x * y;
    }
    return s;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theThreeLayerProductsMatchTheNaiveProduct(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int m = 1 + rng.nextInt(9);
    int n = 1 + rng.nextInt(11);
    int k = 1 + rng.nextInt(10);
    int off = rng.nextInt(5);
    float[] a = random(rng, off + m * k);
    float[] b = random(rng, off + k * n);
    float[] start = random(rng, m * n);
    double tol = 1e-6 * k;

    float[] c = new float[m * n];
    SmallGemm.timesTransposed(m, n, k, a, off, b, c);
    float[] cAdd = start.clone();
    SmallGemm.addTransposedTimes(m, n, k, a, b, off, cAdd);
    float[] cPlain = new float[m * n];
    SmallGemm.times(m, n, k, a, b, cPlain);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        assertThat((double) c[i * n + j]).isCloseTo(naive(false, true, m, n, k, a, off, b, 0, i, j), offset(tol));
        assertThat((double) cAdd[i * n + j])
            .isCloseTo(start[i * n + j] + naive(true, false, m, n, k, a, 0, b, off, i, j), offset(tol));
        assertThat((double) cPlain[i * n + j]).isCloseTo(naive(false, false, m, n, k, a, 0, b, 0, i, j), offset(tol));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void smallProductsEqualGemmsOwnResultToRounding(long seed) {
    SplittableRandom rng = new SplittableRandom(100 + seed);
    int m = 1 + rng.nextInt(16);
    int n = 1 + rng.nextInt(16);
    int k = 1 + rng.nextInt(16);
    float[] a = random(rng, m * k);
    float[] b = random(rng, n * k);
    float[] small = new float[m * n];
    float[] general = new float[m * n];
    SmallGemm.timesTransposed(m, n, k, a, 0, b, small);
    Gemm.gemm(false, true, m, n, k, a, 0, b, 0, general, 0, false);
    assertThat(small).containsExactly(general, offset(1e-6f * k));
  }
}
