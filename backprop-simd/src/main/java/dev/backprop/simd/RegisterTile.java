package dev.backprop.simd;

import static dev.backprop.simd.VectorSupport.FLOATS;
import static dev.backprop.simd.VectorSupport.LANES;

import jdk.incubator.vector.FloatVector;

/**
 * The innermost GEMM step: a {@value #ROWS}×(2 vectors) block of C held in 12 vector registers
 * while a packed panel of A and a packed panel of B stream past, one fused multiply-add per
 * register per step of k. With 8-float vectors that is a 6×16 tile, with 16-float vectors 6×32;
 * 12 accumulators, 2 B vectors and 1 broadcast fit the 16 AVX2 registers.
 *
 * <p>Packed layouts: the A panel holds, for each p, the {@value #ROWS} values op(A)[i][p]; the B
 * panel holds, for each p, the {@link #COLS} values op(B)[p][j]. Partial panels are zero-padded,
 * so the padding only adds exact zeros to lanes that are never stored.
 */
final class RegisterTile {

  static final int ROWS = 6;
  static final int COLS = 2 * LANES;

  private RegisterTile() {}

  /**
   * C[i][j] = Σ_p aPanel·bPanel, or C[i][j] += that sum when {@code add}, for the full tile
   * starting at {@code cFrom} with row stride {@code ldc}. Every sum runs over p in order.
   */
  static void multiply(int kc, float[] aPanel, int aFrom, float[] bPanel, int bFrom,
      float[] c, int cFrom, int ldc, boolean add) {
    FloatVector c00 = FloatVector.zero(FLOATS);
    FloatVector c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    int ap = aFrom;
    int bp = bFrom;
    for (int p = 0; p < kc; p++, ap += ROWS, bp += COLS) {
      FloatVector b0 = FloatVector.fromArray(FLOATS, bPanel, bp);
      FloatVector b1 = FloatVector.fromArray(FLOATS, bPanel, bp + LANES);
      FloatVector a = FloatVector.broadcast(FLOATS, aPanel[ap]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      a = FloatVector.broadcast(FLOATS, aPanel[ap + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      a = FloatVector.broadcast(FLOATS, aPanel[ap + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      a = FloatVector.broadcast(FLOATS, aPanel[ap + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      a = FloatVector.broadcast(FLOATS, aPanel[ap + 4]);
      c40 = a.fma(b0, c40);
      c41 = a.fma(b1, c41);
      a = FloatVector.broadcast(FLOATS, aPanel[ap + 5]);
      c50 = a.fma(b0, c50);
      c51 = a.fma(b1, c51);
    }
    storeRow(c00, c01, c, cFrom, add);
    storeRow(c10, c11, c, cFrom + ldc, add);
    storeRow(c20, c21, c, cFrom + 2 * ldc, add);
    storeRow(c30, c31, c, cFrom + 3 * ldc, add);
    storeRow(c40, c41, c, cFrom + 4 * ldc, add);
    storeRow(c50, c51, c, cFrom + 5 * ldc, add);
  }

  /**
   * The same product for a tile cut by the edge of C: computed whole into {@code scratch}
   * ({@value #ROWS}×{@link #COLS}), then only the first {@code rows}×{@code cols} are written.
   * Each stored element gets exactly the bits the full-tile path would give it.
   */
  static void multiplyEdge(int kc, float[] aPanel, int aFrom, float[] bPanel, int bFrom,
      float[] c, int cFrom, int ldc, int rows, int cols, boolean add, float[] scratch) {
    multiply(kc, aPanel, aFrom, bPanel, bFrom, scratch, 0, COLS, false);
    for (int i = 0; i < rows; i++) {
      int row = cFrom + i * ldc;
      for (int j = 0; j < cols; j++) {
        float sum = scratch[i * COLS + j];
        c[row + j] = add ? sum + c[row + j] : sum;
      }
    }
  }

  private static void storeRow(FloatVector v0, FloatVector v1, float[] c, int from, boolean add) {
    if (add) {
      v0 = v0.add(FloatVector.fromArray(FLOATS, c, from));
      v1 = v1.add(FloatVector.fromArray(FLOATS, c, from + LANES));
    }
    v0.intoArray(c, from);
    v1.intoArray(c, from + LANES);
  }
}
