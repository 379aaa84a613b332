package dev.backprop.kernels.spi;

/**
 * A float32 matrix-multiply implementation, found with {@link java.util.ServiceLoader} and chosen
 * once at start-up by {@link dev.backprop.kernels.Gemm}.
 *
 * <p>Implementations compute one rectangular block of C = op(A)·op(B) (or C += op(A)·op(B)) on the
 * calling thread. The caller has already validated every argument, so implementations do not check
 * them again. Blocks of one product are computed concurrently by several threads, so an
 * implementation keeps its scratch space per thread.
 *
 * <p>Determinism contract: the value written to each element of C must depend only on the inputs
 * and on (m, n, k, transA, transB, accumulate), never on the block bounds or on the thread that
 * computes it. That is what makes a product bit-identical whatever the number of threads.
 *
 * <p>A provider class must be cheap to instantiate and must not link against optional modules
 * until {@link #isSupported()} has returned {@code true}.
 */
public interface GemmProvider {

  /** A short name for logs and benchmark reports, e.g. {@code "scalar"}. */
  String name();

  /**
   * Whether this provider can run, and run fast, in the current JVM (required modules resolved,
   * CPU features present). Called once, before any other method but {@link #name()}.
   */
  boolean isSupported();

  /**
   * Computes rows [rowFrom, rowTo) and columns [colFrom, colTo) of C = op(A)·op(B), or adds the
   * product to C when {@code accumulate} is set: C[i][j] (+)= Σ_p op(A)[i][p]·op(B)[p][j].
   *
   * <p>All matrices are row-major and contiguous. op(A) is m×k (A is stored m×k, or k×m when
   * {@code transA}); op(B) is k×n (B is stored k×n, or n×k when {@code transB}); C is m×n.
   * m, n and k are at least 1; the block is non-empty and inside C.
   */
  void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate,
      int rowFrom, int rowTo, int colFrom, int colTo);
}
