package dev.backprop.kernels;

import dev.backprop.kernels.spi.GemmProvider;
import java.util.Arrays;
import java.util.ServiceLoader;

/**
 * General matrix multiply: C = op(A)·op(B), or C += op(A)·op(B), where op(X) is X or Xᵀ.
 *
 * <p>C[i][j] (+)= Σ_{p<k} op(A)[i][p]·op(B)[p][j] for i < m, j < n. All matrices are row-major and
 * contiguous, each starting at an offset into its array, so that a caller can run a batch of
 * products over one array. op(A) is m×k: A is stored m×k, or k×m when {@code transA}. op(B) is
 * k×n: B is stored k×n, or n×k when {@code transB}. The transposed forms let backward passes use
 * a weight matrix as stored: a dense layer's forward pass is h·Wᵀ ({@code transB}), its weight
 * gradient dzᵀ·h ({@code transA}).
 *
 * <p>Products of at least 2<sup>19</sup> multiply-adds (m·n·k) are cut into tiles
 * that depend only on m and n, and spread over {@link Parallel}'s threads; every element is summed
 * in an order that depends only on k. So the result is bit-identical for any thread count.
 * Smaller products run on the calling thread with no hand-off and no allocation.
 *
 * <p>float32 products use the provider chosen at start-up (see {@link #providerName()}): the
 * Vector API one from backprop-simd when it is on the class path and the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, else portable scalar loops. The system property
 * {@code backprop.simd=true|false} forces the choice. float64 products always use scalar loops.
 */
public final class Gemm {

  /** Products with at least this many multiply-adds are tiled and run in parallel. */
  static final long PARALLEL_MIN_MULTIPLY_ADDS = 1L << 19;

  private static final GemmProvider FLOAT_PROVIDER = GemmProviders.select(
      System.getProperty(GemmProviders.SIMD_PROPERTY), ServiceLoader.load(GemmProvider.class));

  private Gemm() {}

  /**
   * float32 C (+)= op(A)·op(B); see the class description for the layout.
   *
   * @throws IllegalArgumentException if a size or offset is negative, an array is too short for
   *     the matrix it holds, or C shares elements with A or B
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate) {
    GemmArguments.check(transA, transB, m, n, k, a, a.length, offA, b, b.length, offB,
        c, c.length, offC);
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      if (!accumulate) {
        Arrays.fill(c, offC, offC + m * n, 0f);
      }
    } else if ((long) m * n * k < PARALLEL_MIN_MULTIPLY_ADDS) {
      FLOAT_PROVIDER.gemm(transA, transB, m, n, k, a, offA, b, offB, c, offC, accumulate,
          0, m, 0, n);
    } else {
      GemmJob.run(FLOAT_PROVIDER, transA, transB, m, n, k, a, offA, b, offB, c, offC, accumulate);
    }
  }

  /**
   * float64 C (+)= op(A)·op(B); see the class description for the layout.
   *
   * @throws IllegalArgumentException if a size or offset is negative, an array is too short for
   *     the matrix it holds, or C shares elements with A or B
   */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int offA, double[] b, int offB, double[] c, int offC, boolean accumulate) {
    GemmArguments.check(transA, transB, m, n, k, a, a.length, offA, b, b.length, offB,
        c, c.length, offC);
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      if (!accumulate) {
        Arrays.fill(c, offC, offC + m * n, 0.0);
      }
    } else if ((long) m * n * k < PARALLEL_MIN_MULTIPLY_ADDS) {
      DoubleGemm.gemm(transA, transB, m, n, k, a, offA, b, offB, c, offC, accumulate, 0, m, 0, n);
    } else {
      GemmJob.run(transA, transB, m, n, k, a, offA, b, offB, c, offC, accumulate);
    }
  }

  /**
   * The name of the float32 provider chosen at start-up, e.g. {@code "scalar"} or
   * {@code "vector-api 512-bit"}: worth printing beside any benchmark figure.
   */
  public static String providerName() {
    return FLOAT_PROVIDER.name();
  }
}
