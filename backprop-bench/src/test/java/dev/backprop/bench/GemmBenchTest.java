package dev.backprop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.kernels.Gemm;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GemmBenchTest {
  private static final int N = 37;

  private static float[] gaussian(SplittableRandom rng) {
    float[] v = new float[N * N];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return v;
  }

  @Test
  void aCorrectProductHasOnlyRoundingSizedError() {
    SplittableRandom rng = new SplittableRandom(1);
    float[] a = gaussian(rng);
    float[] b = gaussian(rng);
    float[] c = new float[N * N];
    Gemm.gemm(false, false, N, N, N, a, 0, b, 0, c, 0, false);
    assertThat(GemmBench.maxRelativeError(N, a, b, c, rng)).isLessThan(1e-6);
  }

  @Test
  void aTransposedProductIsCaughtAsWrong() {
    SplittableRandom rng = new SplittableRandom(2);
    float[] a = gaussian(rng);
    float[] b = gaussian(rng);
    float[] c = new float[N * N];
    Gemm.gemm(false, true, N, N, N, a, 0, b, 0, c, 0, false);
    assertThat(GemmBench.maxRelativeError(N, a, b, c, rng)).isGreaterThan(1e-3);
  }

  @Test
  void aNonFiniteProductIsCaughtAsInfinitelyWrong() {
    SplittableRandom rng = new SplittableRandom(3);
    float[] c = new float[N * N];
    java.util.Arrays.fill(c, Float.NaN);
    assertThat(GemmBench.maxRelativeError(N, gaussian(rng), gaussian(rng), c, rng)).isInfinite();
  }

  @Test
  void eachSizeGetsAFigureAndTheProcessItsPeakMemory() {
    Measurement m = GemmBench.measure(new RunParameters("gemm", 2, true, 0, List.of(8, 24)));
    assertThat(m.errors()).isEmpty();
    assertThat(m.figures()).containsOnlyKeys("gemm_gflops_8", "gemm_gflops_24", "gemm_peak_rss_mib");
    assertThat(m.figures().values()).allSatisfy(v -> assertThat((Double) v).isPositive());
    assertThat(m.details()).containsKeys("max_relative_error_8", "max_relative_error_24");
  }
}
