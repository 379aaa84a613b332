package dev.backprop.simd;

import static dev.backprop.simd.VectorSupport.FLOATS;
import static dev.backprop.simd.VectorSupport.LANES;

import jdk.incubator.vector.FloatVector;

/**
 * Small float32 products straight from the operands, without packing: batch-1 and batch-2
 * layers, where each element of B is used once or twice, and small products, where packing costs
 * more than the arithmetic. With B as stored (k×n) each strip of a row of C stays in registers
 * while rows of B stream past; with only B transposed each element of C is a dot product of two
 * contiguous rows. Both sum in an order fixed by k and n alone. Products that give vectors
 * nothing long to run along are left to the scalar loops.
 */
final class VectorDirectGemm {

  /** Up to this many multiply-adds, packing does not pay for itself. */
  private static final long MAX_MULTIPLY_ADDS = 1L << 15;
  /** Vectors of a row of C kept in registers at once. */
  private static final int STRIP = 4 * LANES;

  private VectorDirectGemm() {}

  /** Whether an m×n product with inner dimension k is better computed without packing. */
  static boolean suits(int m, int n, int k) {
    return m <= 2 || (long) m * n * k <= MAX_MULTIPLY_ADDS;
  }

  /**
   * Whether vectors help this unpacked product: they need a dimension read contiguously at least
   * a vector long: the columns of B as stored, or, when only B is transposed, the rows of A and B,
   * two vectors long so that the sums of the lanes are paid back.
   */
  static boolean vectorizes(boolean transA, boolean transB, int n, int k) {
    return transB ? !transA && k >= 2 * LANES : n >= LANES;
  }

  /** Computes a block of an unpacked product that {@link #vectorizes}. */
  static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate,
      int rowFrom, int rowTo, int colFrom, int colTo) {
    int aStep = transA ? m : 1;
    for (int i = rowFrom; i < rowTo; i++) {
      int aRow = offA + (transA ? i : i * k);
      int cRow = offC + i * n;
      if (transB) {
        rowTimesRowsOfB(a, aRow, k, b, offB, c, cRow, colFrom, colTo, accumulate);
      } else {
        rowTimesB(a, aRow, aStep, k, b, offB, n, c, cRow, colFrom, colTo, accumulate);
      }
    }
  }

  /** C[i][j] (+)= Σ_p A(i,p)·B[p][j], 4 vectors of C[i] in registers per pass over p. */
  private static void rowTimesB(float[] a, int aRow, int aStep, int k, float[] b, int offB,
      int n, float[] c, int cRow, int colFrom, int colTo, boolean accumulate) {
    int j = colFrom;
    for (; j + STRIP <= colTo; j += STRIP) {
      FloatVector s0 = start(c, cRow + j, accumulate);
      FloatVector s1 = start(c, cRow + j + LANES, accumulate);
      FloatVector s2 = start(c, cRow + j + 2 * LANES, accumulate);
      FloatVector s3 = start(c, cRow + j + 3 * LANES, accumulate);
      for (int p = 0, bp = offB + j; p < k; p++, bp += n) {
        FloatVector aip = FloatVector.broadcast(FLOATS, a[aRow + p * aStep]);
        s0 = aip.fma(FloatVector.fromArray(FLOATS, b, bp), s0);
        s1 = aip.fma(FloatVector.fromArray(FLOATS, b, bp + LANES), s1);
        s2 = aip.fma(FloatVector.fromArray(FLOATS, b, bp + 2 * LANES), s2);
        s3 = aip.fma(FloatVector.fromArray(FLOATS, b, bp + 3 * LANES), s3);
      }
      s0.intoArray(c, cRow + j);
      s1.intoArray(c, cRow + j + LANES);
      s2.intoArray(c, cRow + j + 2 * LANES);
      s3.intoArray(c, cRow + j + 3 * LANES);
    }
    for (; j + LANES <= colTo; j += LANES) {
      FloatVector s = start(c, cRow + j, accumulate);
      for (int p = 0, bp = offB + j; p < k; p++, bp += n) {
        s = FloatVector.broadcast(FLOATS, a[aRow + p * aStep])
            .fma(FloatVector.fromArray(FLOATS, b, bp), s);
      }
      s.intoArray(c, cRow + j);
    }
    for (; j < colTo; j++) {
      float s = accumulate ? c[cRow + j] : 0f;
      for (int p = 0; p < k; p++) {
        s = Math.fma(a[aRow + p * aStep], b[offB + p * n + j], s);
      }
      c[cRow + j] = s;
    }
  }

  private static FloatVector start(float[] c, int from, boolean accumulate) {
    return accumulate ? FloatVector.fromArray(FLOATS, c, from) : FloatVector.zero(FLOATS);
  }

  /** C[i][j] (+)= A[i]·B[j], two contiguous rows; four rows of B share each load of A[i]. */
  private static void rowTimesRowsOfB(float[] a, int aRow, int k, float[] b, int offB,
      float[] c, int cRow, int colFrom, int colTo, boolean accumulate) {
    int vectorEnd = k - k % LANES;
    int j = colFrom;
    for (; j + 4 <= colTo; j += 4) {
      int b0 = offB + j * k;
      int b1 = b0 + k;
      int b2 = b1 + k;
      int b3 = b2 + k;
      FloatVector s0 = FloatVector.zero(FLOATS);
      FloatVector s1 = s0;
      FloatVector s2 = s0;
      FloatVector s3 = s0;
      for (int p = 0; p < vectorEnd; p += LANES) {
        FloatVector x = FloatVector.fromArray(FLOATS, a, aRow + p);
        s0 = x.fma(FloatVector.fromArray(FLOATS, b, b0 + p), s0);
        s1 = x.fma(FloatVector.fromArray(FLOATS, b, b1 + p), s1);
        s2 = x.fma(FloatVector.fromArray(FLOATS, b, b2 + p), s2);
        s3 = x.fma(FloatVector.fromArray(FLOATS, b, b3 + p), s3);
      }
      store(c, cRow + j, finish(s0, a, aRow, b, b0, vectorEnd, k), accumulate);
      store(c, cRow + j + 1, finish(s1, a, aRow, b, b1, vectorEnd, k), accumulate);
      store(c, cRow + j + 2, finish(s2, a, aRow, b, b2, vectorEnd, k), accumulate);
      store(c, cRow + j + 3, finish(s3, a, aRow, b, b3, vectorEnd, k), accumulate);
    }
    for (; j < colTo; j++) {
      int bj = offB + j * k;
      FloatVector s = FloatVector.zero(FLOATS);
      for (int p = 0; p < vectorEnd; p += LANES) {
        s = FloatVector.fromArray(FLOATS, a, aRow + p)
            .fma(FloatVector.fromArray(FLOATS, b, bj + p), s);
      }
      store(c, cRow + j, finish(s, a, aRow, b, bj, vectorEnd, k), accumulate);
    }
  }

  /** The lanes' sum, then the products past the last whole vector. */
  private static float finish(FloatVector lanes, float[] a, int aRow, float[] b, int bRow,
      int from, int k) {
    float s = VectorSupport.sumLanes(lanes);
    for (int p = from; p < k; p++) {
      s = Math.fma(a[aRow + p], b[bRow + p], s);
    }
    return s;
  }

  private static void store(float[] c, int at, float dot, boolean accumulate) {
    c[at] = accumulate ? c[at] + dot : dot;
  }
}
