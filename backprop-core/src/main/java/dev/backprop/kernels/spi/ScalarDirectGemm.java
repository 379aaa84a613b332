package dev.backprop.kernels.spi;

import java.util.Arrays;

/**
 * Small float32 products computed straight from the operands, without packing: batch-1 layers
 * and tiny networks, where any set-up costs more than the arithmetic.
 */
final class ScalarDirectGemm {

  /** Up to this many multiply-adds, packing does not pay for itself. */
  private static final long MAX_MULTIPLY_ADDS = 1L << 15;

  private ScalarDirectGemm() {}

  /** Whether an m×n product with inner dimension k is small enough to skip packing. */
  static boolean suits(int m, int n, int k) {
    return m <= 2 || (long) m * n * k <= MAX_MULTIPLY_ADDS;
  }

  static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate,
      int rowFrom, int rowTo, int colFrom, int colTo) {
    int aStep = transA ? m : 1;
    for (int i = rowFrom; i < rowTo; i++) {
      int aRow = offA + (transA ? i : i * k);
      int cRow = offC + i * n;
      if (transB) {
        dotRow(a, aRow, aStep, b, offB, k, c, cRow, colFrom, colTo, accumulate);
      } else {
        axpyRow(a, aRow, aStep, b, offB, n, k, c, cRow, colFrom, colTo, accumulate);
      }
    }
  }

  /** C[i][j] (+)= Σ_p A(i,p)·B[p][j]: one pass over row p of B per p, contiguous in j. */
  private static void axpyRow(float[] a, int aRow, int aStep, float[] b, int offB, int n, int k,
      float[] c, int cRow, int colFrom, int colTo, boolean accumulate) {
    int from = cRow + colFrom;
    int len = colTo - colFrom;
    if (!accumulate) {
      Arrays.fill(c, from, from + len, 0f);
    }
    for (int p = 0; p < k; p++) {
      float aip = a[aRow + p * aStep];
      int bRow = offB + p * n + colFrom;
      for (int j = 0; j < len; j++) {
        c[from + j] += aip * b[bRow + j];
      }
    }
  }

  /** C[i][j] (+)= Σ_p A(i,p)·B[j][p]: a dot product with row j of B, contiguous in p. */
  private static void dotRow(float[] a, int aRow, int aStep, float[] b, int offB, int k,
      float[] c, int cRow, int colFrom, int colTo, boolean accumulate) {
    for (int j = colFrom; j < colTo; j++) {
      float dot = dot(a, aRow, aStep, b, offB + j * k, k);
      c[cRow + j] = accumulate ? c[cRow + j] + dot : dot;
    }
  }

  /** Σ_p x[xFrom + p·xStep]·y[yFrom + p] with four running sums, to hide the add latency. */
  private static float dot(float[] x, int xFrom, int xStep, float[] y, int yFrom, int len) {
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int p = 0;
    for (; p + 4 <= len; p += 4) {
      int xp = xFrom + p * xStep;
      s0 += x[xp] * y[yFrom + p];
      s1 += x[xp + xStep] * y[yFrom + p + 1];
      s2 += x[xp + 2 * xStep] * y[yFrom + p + 2];
      s3 += x[xp + 3 * xStep] * y[yFrom + p + 3];
    }
    for (; p < len; p++) {
      s0 += x[xFrom + p * xStep] * y[yFrom + p];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
