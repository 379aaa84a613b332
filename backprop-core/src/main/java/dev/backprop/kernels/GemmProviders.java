package dev.backprop.kernels;

import dev.backprop.kernels.spi.GemmProvider;
import dev.backprop.kernels.spi.ScalarGemmProvider;
import java.util.Iterator;
import java.util.ServiceConfigurationError;

/**
 * Chooses the float32 GEMM provider at start-up: the first supported provider found by the
 * service loader (backprop-simd registers one), else the scalar one. The system property
 * {@code backprop.simd} forces the choice: {@code false} always picks scalar; {@code true} fails
 * loudly when no accelerated provider can run, instead of silently running slow.
 */
final class GemmProviders {

  static final String SIMD_PROPERTY = "backprop.simd";

  private GemmProviders() {}

  /**
   * @param simd the value of {@code backprop.simd}, or null when unset
   * @param candidates the providers found on the class path
   */
  static GemmProvider select(String simd, Iterable<GemmProvider> candidates) {
    if (simd != null && !simd.equals("true") && !simd.equals("false")) {
      throw new IllegalArgumentException(
          "system property " + SIMD_PROPERTY + " must be true or false but was '" + simd + "'");
    }
    if ("false".equals(simd)) {
      return new ScalarGemmProvider();
    }
    StringBuilder rejected = new StringBuilder();
    Iterator<GemmProvider> it = candidates.iterator();
    while (true) {
      GemmProvider provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
        if (provider.isSupported()) {
          return provider;
        }
        rejected.append(' ').append(provider.name()).append(" (not supported in this JVM)");
      } catch (ServiceConfigurationError | LinkageError e) {
        rejected.append(' ').append(e);
      }
    }
    if ("true".equals(simd)) {
      throw new IllegalStateException(SIMD_PROPERTY + "=true but no SIMD GEMM provider can run;"
          + (rejected.length() == 0 ? " none found on the class path (add backprop-simd)"
              : " rejected:" + rejected)
          + ". The Vector API also needs the JVM flag --add-modules jdk.incubator.vector");
    }
    return new ScalarGemmProvider();
  }
}
