package dev.backprop.simd;

import dev.backprop.kernels.spi.GemmProvider;
import dev.backprop.kernels.spi.ScalarGemmProvider;

/**
 * The Vector API GEMM provider. This class links only against backprop-core and the JDK base
 * modules, so the service loader can instantiate it in any JVM; the vector code lives in other
 * classes, loaded once {@link #isSupported()} has confirmed that the incubator module is resolved
 * and the hardware suits it.
 */
public final class VectorGemmProvider implements GemmProvider {

  private static final String VECTOR_MODULE = "jdk.incubator.vector";

  /** Small products without a dimension a vector long run the scalar loops. */
  private static final GemmProvider SCALAR = new ScalarGemmProvider();

  private Boolean supported;

  /** Called by the service loader. */
  public VectorGemmProvider() {}

  /** {@code "vector-api"}, followed by the vector width when the provider is supported. */
  @Override
  public String name() {
    return isSupported() ? "vector-api " + VectorSupport.bits() + "-bit" : "vector-api";
  }

  /**
   * True when {@code jdk.incubator.vector} is resolved (the JVM was started with
   * {@code --add-modules jdk.incubator.vector}), vectors hold at least 8 floats, and the JIT emits
   * fused multiply-adds.
   */
  @Override
  public synchronized boolean isSupported() {
    if (supported == null) {
      supported = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
          && VectorSupport.isFast();
    }
    return supported;
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int offA, float[] b, int offB, float[] c, int offC, boolean accumulate,
      int rowFrom, int rowTo, int colFrom, int colTo) {
    if (!VectorDirectGemm.suits(m, n, k)) {
      VectorBlockedGemm.gemm(transA, transB, m, n, k, a, offA, b, offB, c, offC, accumulate,
          rowFrom, rowTo, colFrom, colTo);
    } else if (VectorDirectGemm.vectorizes(transA, transB, n, k)) {
      VectorDirectGemm.gemm(transA, transB, m, n, k, a, offA, b, offB, c, offC, accumulate,
          rowFrom, rowTo, colFrom, colTo);
    } else {
      SCALAR.gemm(transA, transB, m, n, k, a, offA, b, offB, c, offC, accumulate,
          rowFrom, rowTo, colFrom, colTo);
    }
  }
}
