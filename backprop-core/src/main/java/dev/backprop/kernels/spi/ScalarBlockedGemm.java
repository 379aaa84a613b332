package dev.backprop.kernels.spi;

/**
 * Float32 products through packed panels: a KC×NC slice of op(B) is copied into one array per
 * row, so that every inner loop indexes all its arrays by the bare loop counter. That is the
 * shape HotSpot's auto-vectorizer reliably turns into SIMD code; loops mixing several offsets into
 * one array stay scalar.
 *
 * <p>For each row i of the block and each KC-slice of k, the row of partial sums is built in a
 * scratch row, four panel rows per pass, then added to C. The order of every sum depends only on
 * k, never on the block bounds.
 */
final class ScalarBlockedGemm {

  /** Panel rows: a slice of k, long enough to amortize the scratch-row traffic. */
  private static final int KC = 256;
  /** Panel columns: KC×NC floats (512 KiB) stay in L2. */
  private static final int NC = 512;

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  /** Scratch space of one thread. */
  private static final class Workspace {
    final float[][] panel = new float[KC][NC];
    final float[] sums = new float[NC];
  }

  private ScalarBlockedGemm() {}

  static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate,
      int rowFrom, int rowTo, int colFrom, int colTo) {
    Workspace ws = WORKSPACE.get();
    int aStep = transA ? m : 1;
    for (int j0 = colFrom; j0 < colTo; j0 += NC) {
      int nc = Math.min(NC, colTo - j0);
      for (int p0 = 0; p0 < k; p0 += KC) {
        int kc = Math.min(KC, k - p0);
        packB(transB, n, k, b, offB, p0, kc, j0, nc, ws.panel);
        boolean add = accumulate || p0 > 0;
        for (int i = rowFrom; i < rowTo; i++) {
          int aFrom = offA + (transA ? p0 * m + i : i * k + p0);
          rowTimesPanel(a, aFrom, aStep, kc, ws.panel, ws.sums, nc);
          store(ws.sums, nc, c, offC + i * n + j0, add);
        }
      }
    }
  }

  /** panel[p][j] = op(B)[p0 + p][j0 + j]. */
  private static void packB(boolean transB, int n, int k, float[] b, int offB,
      int p0, int kc, int j0, int nc, float[][] panel) {
    if (!transB) {
      for (int p = 0; p < kc; p++) {
        System.arraycopy(b, offB + (p0 + p) * n + j0, panel[p], 0, nc);
      }
      return;
    }
    // Four rows of B per pass: four read streams, four adjacent writes per panel row.
    int j = 0;
    for (; j + 4 <= nc; j += 4) {
      int r0 = offB + (j0 + j) * k + p0;
      int r1 = r0 + k;
      int r2 = r1 + k;
      int r3 = r2 + k;
      for (int p = 0; p < kc; p++) {
        float[] row = panel[p];
        row[j] = b[r0 + p];
        row[j + 1] = b[r1 + p];
        row[j + 2] = b[r2 + p];
        row[j + 3] = b[r3 + p];
      }
    }
    for (; j < nc; j++) {
      int bRow = offB + (j0 + j) * k + p0;
      for (int p = 0; p < kc; p++) {
        panel[p][j] = b[bRow + p];
      }
    }
  }

  /** sums[j] = Σ_p A(i, p0 + p)·panel[p][j], summed four panel rows at a time. */
  private static void rowTimesPanel(float[] a, int aFrom, int aStep, int kc,
      float[][] panel, float[] sums, int nc) {
    int p = 0;
    if (kc >= 4) {
      first4(sums, panel[0], panel[1], panel[2], panel[3],
          a[aFrom], a[aFrom + aStep], a[aFrom + 2 * aStep], a[aFrom + 3 * aStep], nc);
      p = 4;
    } else {
      first1(sums, panel[0], a[aFrom], nc);
      p = 1;
    }
    for (; p + 4 <= kc; p += 4) {
      int ap = aFrom + p * aStep;
      add4(sums, panel[p], panel[p + 1], panel[p + 2], panel[p + 3],
          a[ap], a[ap + aStep], a[ap + 2 * aStep], a[ap + 3 * aStep], nc);
    }
    for (; p < kc; p++) {
      add1(sums, panel[p], a[aFrom + p * aStep], nc);
    }
  }

  private static void first4(float[] s, float[] x0, float[] x1, float[] x2, float[] x3,
      float a0, float a1, float a2, float a3, int len) {
    for (int j = 0; j < len; j++) {
      s[j] = a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
    }
  }

  private static void add4(float[] s, float[] x0, float[] x1, float[] x2, float[] x3,
      float a0, float a1, float a2, float a3, int len) {
    for (int j = 0; j < len; j++) {
      s[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
    }
  }

  private static void first1(float[] s, float[] x, float a, int len) {
    for (int j = 0; j < len; j++) {
      s[j] = a * x[j];
    }
  }

  private static void add1(float[] s, float[] x, float a, int len) {
    for (int j = 0; j < len; j++) {
      s[j] += a * x[j];
    }
  }

  /** C[j] = sums[j], or C[j] += sums[j] after the first slice of k or when accumulating. */
  private static void store(float[] sums, int len, float[] c, int cFrom, boolean add) {
    if (!add) {
      System.arraycopy(sums, 0, c, cFrom, len);
      return;
    }
    for (int j = 0; j < len; j++) {
      c[cFrom + j] += sums[j];
    }
  }
}
