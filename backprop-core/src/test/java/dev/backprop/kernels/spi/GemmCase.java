package dev.backprop.kernels.spi;

import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One seeded float32 GEMM problem: a shape drawn mostly from edge sizes around the register tile
 * and cache block sizes, random transposes, offsets and accumulate flag, and entries in [-1, 1].
 * Shared with backprop-simd's tests through the test jar.
 */
public record GemmCase(boolean transA, boolean transB, int m, int n, int k,
    int offA, int offB, int offC, boolean accumulate, float[] a, float[] b, float[] c) {

  /** Sizes around register-tile widths (4, 6, 8, 16, 32) and cache blocks (64, 128). */
  public static final int[] EDGE_SIZES = {1, 3, 7, 17, 33, 64, 100, 129};

  /** u = 2^-24: a k-term float sum is within about k·u·Σ|terms| of the exact sum. */
  private static final double FLOAT_UNIT_ROUNDOFF = 0x1p-24;

  /** A random case with every dimension in [1, maxSize]; edge sizes two times in three. */
  public static GemmCase random(long seed, int maxSize) {
    SplittableRandom random = new SplittableRandom(seed);
    int m = size(random, maxSize);
    int n = size(random, maxSize);
    int k = size(random, maxSize);
    return of(random, random.nextBoolean(), random.nextBoolean(), m, n, k, random.nextBoolean());
  }

  /** A case of the given shape with random offsets and entries. */
  public static GemmCase of(SplittableRandom random, boolean transA, boolean transB,
      int m, int n, int k, boolean accumulate) {
    int offA = random.nextInt(6);
    int offB = random.nextInt(6);
    int offC = random.nextInt(6);
    return new GemmCase(transA, transB, m, n, k, offA, offB, offC, accumulate,
        fill(random, offA + m * k + random.nextInt(4)),
        fill(random, offB + k * n + random.nextInt(4)),
        fill(random, offC + m * n + random.nextInt(4)));
  }

  /** A fresh copy of the initial C array (with its offset and any trailing elements). */
  public float[] initialC() {
    return c.clone();
  }

  /** Runs the whole product on {@code provider} and returns the resulting C array. */
  public float[] runOn(GemmProvider provider) {
    float[] out = initialC();
    provider.gemm(transA, transB, m, n, k, a, offA, b, offB, out, offC, accumulate, 0, m, 0, n);
    return out;
  }

  /** op(A)[i][p]. */
  public float opA(int i, int p) {
    return a[offA + (transA ? p * m + i : i * k + p)];
  }

  /** op(B)[p][j]. */
  public float opB(int p, int j) {
    return b[offB + (transB ? j * k + p : p * n + j)];
  }

  /**
   * Fails unless {@code actual} holds, within the floating-point error bound of a k-term sum,
   * the product computed in double precision, and the elements outside C are unchanged.
   */
  public void assertMatchesReference(float[] actual) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double exact = accumulate ? c[offC + i * n + j] : 0.0;
        double magnitude = Math.abs(exact);
        for (int p = 0; p < k; p++) {
          double term = (double) opA(i, p) * opB(p, j);
          exact += term;
          magnitude += Math.abs(term);
        }
        double bound = 2.0 * (k + 2) * FLOAT_UNIT_ROUNDOFF * magnitude + Float.MIN_NORMAL;
        float got = actual[offC + i * n + j];
        if (!(Math.abs(got - exact) <= bound)) {
          fail("C[%d][%d] = %s but the exact product is %s (error bound %s) in %s",
              i, j, got, exact, bound, this);
        }
      }
    }
    assertOutsideUnchanged(actual);
  }

  /** Fails unless the elements of the C array before offC and after the m×n block are as given. */
  public void assertOutsideUnchanged(float[] actual) {
    for (int idx = 0; idx < c.length; idx++) {
      boolean inside = idx >= offC && idx < offC + m * n;
      if (!inside && Float.floatToRawIntBits(actual[idx]) != Float.floatToRawIntBits(c[idx])) {
        fail("element %d of the C array lies outside C but changed in %s", idx, this);
      }
    }
  }

  /** Fails unless the two arrays hold the same bits, naming the first difference. */
  public static void assertSameBits(float[] expected, float[] actual, String what) {
    if (Arrays.equals(expected, actual)) {
      return;
    }
    for (int idx = 0; idx < expected.length; idx++) {
      if (Float.floatToIntBits(expected[idx]) != Float.floatToIntBits(actual[idx])) {
        fail("%s: element %d is %s, expected %s", what, idx, actual[idx], expected[idx]);
      }
    }
  }

  @Override
  public String toString() {
    return (transA ? "Aᵀ" : "A") + "·" + (transB ? "Bᵀ" : "B") + " m=" + m + " n=" + n + " k=" + k
        + " offsets " + offA + "/" + offB + "/" + offC + (accumulate ? " accumulate" : "");
  }

  private static int size(SplittableRandom random, int maxSize) {
    if (random.nextInt(3) < 2) {
      int[] fitting = Arrays.stream(EDGE_SIZES).filter(s -> s <= maxSize).toArray();
      return fitting[random.nextInt(fitting.length)];
    }
    return 1 + random.nextInt(maxSize);
  }

  private static float[] fill(SplittableRandom random, int length) {
    float[] x = new float[length];
    for (int i = 0; i < length; i++) {
      x[i] = (float) (2 * random.nextDouble() - 1);
    }
    return x;
  }
}
