package dev.backprop.kernels;

/** Placeholder until the blocked kernel lands: C (+)= op(A)·op(B), row-major. */
public final class Gemm {
  private Gemm() {}

  /** See the kernels branch for the real contract. */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = accumulate ? c[offC + i * n + j] : 0f;
        for (int p = 0; p < k; p++) {
          s += a[offA + (transA ? p * m + i : i * k + p)] * b[offB + (transB ? j * k + p : p * n + j)];
        }
        c[offC + i * n + j] = s;
      }
    }
  }

  /** See the kernels branch for the real contract. */
  public static void gemm(boolean transA, boolean transB, int m, int n, int k,
      double[] a, int offA, double[] b, int offB, double[] c, int offC, boolean accumulate) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = accumulate ? c[offC + i * n + j] : 0;
        for (int p = 0; p < k; p++) {
          s += a[offA + (transA ? p * m + i : i * k + p)] * b[offB + (transB ? j * k + p : p * n + j)];
        }
        c[offC + i * n + j] = s;
      }
    }
  }
}
