package dev.backprop.kernels;

/**
 * The float64 product, for gradient checks and other work where precision matters more than
 * speed. It blocks for cache like the float32 scalar path: a KC×NC slice of op(B) is copied into
 * one array per row, each row of C gathers its partial sums for the slice in a scratch row (two
 * panel rows per pass, loops the JIT vectorizes), and the slices are added to C in order of k.
 */
final class DoubleGemm {

  private static final int KC = 256;
  private static final int NC = 256;

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  /** Scratch space of one thread. */
  private static final class Workspace {
    final double[][] panel = new double[KC][NC];
    final double[] sums = new double[NC];
  }

  private DoubleGemm() {}

  /** Computes rows [rowFrom, rowTo) × columns [colFrom, colTo) of C (+)= op(A)·op(B); k ≥ 1. */
  static void gemm(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int offA, double[] b, int offB, double[] c, int offC, boolean accumulate,
      int rowFrom, int rowTo, int colFrom, int colTo) {
    Workspace ws = WORKSPACE.get();
    int aStep = transA ? m : 1;
    for (int j0 = colFrom; j0 < colTo; j0 += NC) {
      int nc = Math.min(NC, colTo - j0);
      for (int p0 = 0; p0 < k; p0 += KC) {
        int kc = Math.min(KC, k - p0);
        packB(transB, n, k, b, offB, p0, kc, j0, nc, ws.panel);
        for (int i = rowFrom; i < rowTo; i++) {
          int aFrom = offA + (transA ? p0 * m + i : i * k + p0);
          rowTimesPanel(a, aFrom, aStep, kc, ws.panel, ws.sums, nc);
          store(ws.sums, nc, c, offC + i * n + j0, accumulate || p0 > 0);
        }
      }
    }
  }

  /** panel[p][j] = op(B)[p0 + p][j0 + j]. */
  private static void packB(boolean transB, int n, int k, double[] b, int offB,
      int p0, int kc, int j0, int nc, double[][] panel) {
    if (!transB) {
      for (int p = 0; p < kc; p++) {
        System.arraycopy(b, offB + (p0 + p) * n + j0, panel[p], 0, nc);
      }
      return;
    }
    for (int j = 0; j < nc; j++) {
      int bRow = offB + (j0 + j) * k + p0;
      for (int p = 0; p < kc; p++) {
        panel[p][j] = b[bRow + p];
      }
    }
  }

  /** sums[j] = Σ_p A(i, p0 + p)·panel[p][j]. */
  private static void rowTimesPanel(double[] a, int aFrom, int aStep, int kc,
      double[][] panel, double[] sums, int nc) {
    double a0 = a[aFrom];
    double[] x0 = panel[0];
    for (int j = 0; j < nc; j++) {
      sums[j] = a0 * x0[j];
    }
    int p = 1;
    for (; p + 2 <= kc; p += 2) {
      add2(sums, panel[p], panel[p + 1], a[aFrom + p * aStep], a[aFrom + (p + 1) * aStep], nc);
    }
    if (p < kc) {
      double ap = a[aFrom + p * aStep];
      double[] x = panel[p];
      for (int j = 0; j < nc; j++) {
        sums[j] += ap * x[j];
      }
    }
  }

  private static void add2(double[] s, double[] x0, double[] x1, double a0, double a1, int len) {
    for (int j = 0; j < len; j++) {
      s[j] += a0 * x0[j] + a1 * x1[j];
    }
  }

  private static void store(double[] sums, int len, double[] c, int cFrom, boolean add) {
    if (!add) {
      System.arraycopy(sums, 0, c, cFrom, len);
      return;
    }
    for (int j = 0; j < len; j++) {
      c[cFrom + j] += sums[j];
    }
  }
}
