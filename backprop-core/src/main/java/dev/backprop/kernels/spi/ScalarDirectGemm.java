package dev.backprop.kernels.spi;

import java.util.Arrays;

/**
 * Small float32 products computed straight from the operands, without packing: batch-1 layers
 * and tiny networks, where any set-up costs more than the arithmetic.
 *
 * <p>Most shapes run four output columns at a time: each A(i,p) is loaded once for four sums,
 * and the four independent sums hide the latency of the adds. Each element is one sum over p in
 * order. Wide products with B as stored instead add A(i,p)·B[p] into the row of C, a loop over
 * contiguous columns the JIT vectorizes.
 */
final class ScalarDirectGemm {

  /** Up to this many multiply-adds, packing does not pay for itself. */
  private static final long MAX_MULTIPLY_ADDS = 1L << 15;
  /** From this many columns, a vectorized row update beats four sums in registers. */
  private static final int ROW_UPDATE_MIN_COLUMNS = 64;

  private ScalarDirectGemm() {}

  /** Whether an m×n product with inner dimension k is small enough to skip packing. */
  static boolean suits(int m, int n, int k) {
    return m <= 2 || (long) m * n * k <= MAX_MULTIPLY_ADDS;
  }

  static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate,
      int rowFrom, int rowTo, int colFrom, int colTo) {
    int aStep = transA ? m : 1;
    boolean rowUpdates = !transB && n >= ROW_UPDATE_MIN_COLUMNS;
    for (int i = rowFrom; i < rowTo; i++) {
      int aRow = offA + (transA ? i : i * k);
      int cRow = offC + i * n;
      if (transB) {
        dotsWithRowsOfB(a, aRow, aStep, k, b, offB, c, cRow, colFrom, colTo, accumulate);
      } else if (rowUpdates) {
        rowUpdate(a, aRow, aStep, k, b, offB + colFrom, n, c, cRow + colFrom, colTo - colFrom,
            accumulate);
      } else {
        dotsWithColumnsOfB(a, aRow, aStep, k, b, offB, n, c, cRow, colFrom, colTo, accumulate);
      }
    }
  }

  /** C[i][j] (+)= Σ_p A(i,p)·B[j][p], four columns j (rows of B) at a time. */
  private static void dotsWithRowsOfB(float[] a, int aRow, int aStep, int k, float[] b,
      int offB, float[] c, int cRow, int colFrom, int colTo, boolean add) {
    int j = colFrom;
    for (; j + 4 <= colTo; j += 4) {
      int b0 = offB + j * k;
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      for (int p = 0; p < k; p++) {
        float x = a[aRow + p * aStep];
        s0 += x * b[b0 + p];
        s1 += x * b[b0 + k + p];
        s2 += x * b[b0 + 2 * k + p];
        s3 += x * b[b0 + 3 * k + p];
      }
      store(c, cRow + j, s0, add);
      store(c, cRow + j + 1, s1, add);
      store(c, cRow + j + 2, s2, add);
      store(c, cRow + j + 3, s3, add);
    }
    for (; j < colTo; j++) {
      int bj = offB + j * k;
      float s = 0f;
      for (int p = 0; p < k; p++) {
        s += a[aRow + p * aStep] * b[bj + p];
      }
      store(c, cRow + j, s, add);
    }
  }

  /** C[i][j] (+)= Σ_p A(i,p)·B[p][j], four adjacent columns j at a time. */
  private static void dotsWithColumnsOfB(float[] a, int aRow, int aStep, int k, float[] b,
      int offB, int n, float[] c, int cRow, int colFrom, int colTo, boolean add) {
    int j = colFrom;
    for (; j + 4 <= colTo; j += 4) {
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      for (int p = 0; p < k; p++) {
        float x = a[aRow + p * aStep];
        int bp = offB + p * n + j;
        s0 += x * b[bp];
        s1 += x * b[bp + 1];
        s2 += x * b[bp + 2];
        s3 += x * b[bp + 3];
      }
      store(c, cRow + j, s0, add);
      store(c, cRow + j + 1, s1, add);
      store(c, cRow + j + 2, s2, add);
      store(c, cRow + j + 3, s3, add);
    }
    for (; j < colTo; j++) {
      float s = 0f;
      for (int p = 0; p < k; p++) {
        s += a[aRow + p * aStep] * b[offB + p * n + j];
      }
      store(c, cRow + j, s, add);
    }
  }

  private static void store(float[] c, int at, float sum, boolean add) {
    c[at] = add ? c[at] + sum : sum;
  }

  /** C[i][cols] (+)= Σ_p A(i,p)·B[p][cols]: one pass over a row of B per p. */
  private static void rowUpdate(float[] a, int aRow, int aStep, int k, float[] b, int bFrom,
      int n, float[] c, int cFrom, int len, boolean accumulate) {
    if (!accumulate) {
      Arrays.fill(c, cFrom, cFrom + len, 0f);
    }
    for (int p = 0; p < k; p++) {
      float aip = a[aRow + p * aStep];
      int bRow = bFrom + p * n;
      for (int j = 0; j < len; j++) {
        c[cFrom + j] += aip * b[bRow + j];
      }
    }
  }
}
