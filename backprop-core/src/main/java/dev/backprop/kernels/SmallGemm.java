package dev.backprop.kernels;

/**
 * The three products of a dense layer, for layers so small (a few units, a few rows) that {@link
 * Gemm}'s general loops cost more in set-up than in arithmetic: plain loops over each output
 * element, summing the inner dimension in index order with one accumulator.
 *
 * <p>Matrices are row-major and contiguous. There are no argument checks beyond Java's own bounds
 * checks: the callers are the fused layer kernels, which size their buffers once.
 */
public final class SmallGemm {
  /** Up to this many multiply-adds a product counts as small. */
  static final int MAX_MULTIPLY_ADDS = 4096;

  private SmallGemm() {}

  /** Whether an m×n product with inner dimension k is small enough for these loops. */
  public static boolean suits(int m, int n, int k) {
    return (long) m * n * k <= MAX_MULTIPLY_ADDS;
  }

  /**
   * C = A·Bᵀ: C[i][j] = Σ_p A[i][p]·B[j][p], with A [m, k] from {@code offA}, B [n, k], C [m, n].
   * A dense layer's forward product x·Wᵀ.
   */
  public static void timesTransposed(int m, int n, int k, float[] a, int offA, float[] b,
      float[] c) {
    for (int i = 0; i < m; i++) {
      int aRow = offA + i * k;
      int cRow = i * n;
      int j = 0;
      // Four outputs at a time share each load of A and keep four independent sums in flight.
      for (; j + 4 <= n; j += 4) {
        int b0 = j * k;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int p = 0; p < k; p++) {
          float x = a[aRow + p];
          s0 += x * b[b0 + p];
          s1 += x * b[b0 + k + p];
          s2 += x * b[b0 + 2 * k + p];
          s3 += x * b[b0 + 3 * k + p];
        }
        c[cRow + j] = s0;
        c[cRow + j + 1] = s1;
        c[cRow + j + 2] = s2;
        c[cRow + j + 3] = s3;
      }
      for (; j < n; j++) {
        float s = 0f;
        for (int p = 0; p < k; p++) {
          s += a[aRow + p] * b[j * k + p];
        }
        c[cRow + j] = s;
      }
    }
  }

  /**
   * C += Aᵀ·B: C[i][j] += Σ_p A[p][i]·B[p][j], with A [k, m], B [k, n] from {@code offB}, C [m, n].
   * A dense layer's weight gradient δᵀ·x.
   */
  public static void addTransposedTimes(int m, int n, int k, float[] a, float[] b, int offB,
      float[] c) {
    for (int i = 0; i < m; i++) {
      int cRow = i * n;
      int j = 0;
      for (; j + 4 <= n; j += 4) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int p = 0; p < k; p++) {
          float x = a[p * m + i];
          int bRow = offB + p * n + j;
          s0 += x * b[bRow];
          s1 += x * b[bRow + 1];
          s2 += x * b[bRow + 2];
          s3 += x * b[bRow + 3];
        }
        c[cRow + j] += s0;
        c[cRow + j + 1] += s1;
        c[cRow + j + 2] += s2;
        c[cRow + j + 3] += s3;
      }
      for (; j < n; j++) {
        float s = 0f;
        for (int p = 0; p < k; p++) {
          s += a[p * m + i] * b[offB + p * n + j];
        }
        c[cRow + j] += s;
      }
    }
  }

  /**
   * C = A·B: C[i][j] = Σ_p A[i][p]·B[p][j], with A [m, k], B [k, n], C [m, n]. A dense layer's
   * input gradient δ·W.
   */
  public static void times(int m, int n, int k, float[] a, float[] b, float[] c) {
    for (int i = 0; i < m; i++) {
      int aRow = i * k;
      int cRow = i * n;
      int j = 0;
      for (; j + 4 <= n; j += 4) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int p = 0; p < k; p++) {
          float x = a[aRow + p];
          int bRow = p * n + j;
          s0 += x * b[bRow];
          s1 += x * b[bRow + 1];
          s2 += x * b[bRow + 2];
          s3 += x * b[bRow + 3];
        }
        c[cRow + j] = s0;
        c[cRow + j + 1] = s1;
        c[cRow + j + 2] = s2;
        c[cRow + j + 3] = s3;
      }
      for (; j < n; j++) {
        float s = 0f;
        for (int p = 0; p < k; p++) {
          s += a[aRow + p] * b[p * n + j];
        }
        c[cRow + j] = s;
      }
    }
  }
}
