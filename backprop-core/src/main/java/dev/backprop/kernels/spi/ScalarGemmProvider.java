package dev.backprop.kernels.spi;

/**
 * The portable float32 GEMM: plain Java loops shaped so that the JIT vectorizes them. Always
 * supported; used when no faster provider is present, and the reference other providers are
 * tested against.
 *
 * <p>Products too small to repay packing (few rows, or few multiply-adds in all) are computed
 * straight from the operands; larger ones go through cache-sized packed panels.
 */
public final class ScalarGemmProvider implements GemmProvider {

  /** Creates the provider; it holds no state, scratch space is per thread. */
  public ScalarGemmProvider() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public boolean isSupported() {
    return true;
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate,
      int rowFrom, int rowTo, int colFrom, int colTo) {
    if (ScalarDirectGemm.suits(m, n, k)) {
      ScalarDirectGemm.gemm(transA, transB, m, n, k, a, offA, b, offB, c, offC, accumulate,
          rowFrom, rowTo, colFrom, colTo);
    } else {
      ScalarBlockedGemm.gemm(transA, transB, m, n, k, a, offA, b, offB, c, offC, accumulate,
          rowFrom, rowTo, colFrom, colTo);
    }
  }
}
