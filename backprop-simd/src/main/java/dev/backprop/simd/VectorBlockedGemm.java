package dev.backprop.simd;

import static dev.backprop.simd.RegisterTile.COLS;
import static dev.backprop.simd.RegisterTile.ROWS;

import java.util.Arrays;

/**
 * Float32 products through packed panels (the GotoBLAS scheme). For each NC-wide strip of
 * columns and each KC-deep slice of k, op(B) is packed once into {@link RegisterTile#COLS}-wide
 * panels (KC×NC floats, kept in L2); for each MC-high strip of rows, op(A) is packed into
 * {@link RegisterTile#ROWS}-high panels (MC×KC floats); then every register tile of the strip
 * runs over the slice. Each element of C is summed over a slice in order of p inside one
 * register, and slices are added to C in order of k: the bits do not depend on the block bounds.
 */
final class VectorBlockedGemm {

  private static final int KC = 256;
  private static final int MC = 16 * ROWS;
  private static final int NC = Math.max(512, 8 * COLS);

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  /** Packed panels and edge scratch of one thread. */
  private static final class Workspace {
    final float[] aPanels = new float[MC * KC];
    final float[] bPanels = new float[KC * NC];
    final float[] edge = new float[ROWS * COLS];
  }

  private VectorBlockedGemm() {}

  static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate,
      int rowFrom, int rowTo, int colFrom, int colTo) {
    Workspace ws = WORKSPACE.get();
    for (int j0 = colFrom; j0 < colTo; j0 += NC) {
      int nc = Math.min(NC, colTo - j0);
      for (int p0 = 0; p0 < k; p0 += KC) {
        int kc = Math.min(KC, k - p0);
        packB(transB, n, k, b, offB, p0, kc, j0, nc, ws.bPanels);
        boolean add = accumulate || p0 > 0;
        for (int i0 = rowFrom; i0 < rowTo; i0 += MC) {
          int mc = Math.min(MC, rowTo - i0);
          packA(transA, m, k, a, offA, i0, mc, p0, kc, ws.aPanels);
          multiplyPanels(ws, kc, mc, nc, c, offC + i0 * n + j0, n, add);
        }
      }
    }
  }

  /** Runs every register tile of an mc×nc block of C over one slice of k. */
  private static void multiplyPanels(Workspace ws, int kc, int mc, int nc,
      float[] c, int cFrom, int ldc, boolean add) {
    for (int jr = 0; jr < nc; jr += COLS) {
      int cols = Math.min(COLS, nc - jr);
      for (int ir = 0; ir < mc; ir += ROWS) {
        int rows = Math.min(ROWS, mc - ir);
        int cTile = cFrom + ir * ldc + jr;
        if (rows == ROWS && cols == COLS) {
          RegisterTile.multiply(kc, ws.aPanels, ir * kc, ws.bPanels, jr * kc, c, cTile, ldc, add);
        } else {
          RegisterTile.multiplyEdge(kc, ws.aPanels, ir * kc, ws.bPanels, jr * kc, c, cTile, ldc,
              rows, cols, add, ws.edge);
        }
      }
    }
  }

  /** Panel q, row p, lane j holds op(B)[p0 + p][j0 + q·COLS + j]; lanes past nc are zero. */
  private static void packB(boolean transB, int n, int k, float[] b, int offB,
      int p0, int kc, int j0, int nc, float[] panels) {
    for (int jr = 0; jr < nc; jr += COLS) {
      int cols = Math.min(COLS, nc - jr);
      int panel = jr * kc;
      if (cols < COLS) {
        Arrays.fill(panels, panel, panel + kc * COLS, 0f);
      }
      if (transB) {
        transposeRows(b, offB + (j0 + jr) * k + p0, k, kc, cols, panels, panel);
      } else {
        for (int p = 0; p < kc; p++) {
          System.arraycopy(b, offB + (p0 + p) * n + j0 + jr, panels, panel + p * COLS, cols);
        }
      }
    }
  }

  /**
   * panels[panel + p·COLS + j] = b[from + j·k + p]: a transposing copy, four rows of B per pass
   * (twice as fast as one: four read streams, four adjacent writes per line).
   */
  private static void transposeRows(float[] b, int from, int k, int kc, int cols,
      float[] panels, int panel) {
    int j = 0;
    for (; j + 4 <= cols; j += 4) {
      int r0 = from + j * k;
      int r1 = r0 + k;
      int r2 = r1 + k;
      int r3 = r2 + k;
      for (int p = 0, to = panel + j; p < kc; p++, to += COLS) {
        panels[to] = b[r0 + p];
        panels[to + 1] = b[r1 + p];
        panels[to + 2] = b[r2 + p];
        panels[to + 3] = b[r3 + p];
      }
    }
    for (; j < cols; j++) {
      int r = from + j * k;
      for (int p = 0, to = panel + j; p < kc; p++, to += COLS) {
        panels[to] = b[r + p];
      }
    }
  }

  /** Panel q, row p, lane i holds op(A)[i0 + q·ROWS + i][p0 + p]; lanes past mc are zero. */
  private static void packA(boolean transA, int m, int k, float[] a, int offA,
      int i0, int mc, int p0, int kc, float[] panels) {
    for (int ir = 0; ir < mc; ir += ROWS) {
      int rows = Math.min(ROWS, mc - ir);
      int panel = ir * kc;
      if (rows < ROWS) {
        Arrays.fill(panels, panel, panel + kc * ROWS, 0f);
      }
      if (!transA) {
        for (int i = 0; i < rows; i++) {
          int aRow = offA + (i0 + ir + i) * k + p0;
          for (int p = 0; p < kc; p++) {
            panels[panel + p * ROWS + i] = a[aRow + p];
          }
        }
      } else {
        for (int p = 0; p < kc; p++) {
          System.arraycopy(a, offA + (p0 + p) * m + i0 + ir, panels, panel + p * ROWS, rows);
        }
      }
    }
  }
}
