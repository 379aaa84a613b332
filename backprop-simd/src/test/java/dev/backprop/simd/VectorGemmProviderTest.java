package dev.backprop.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.kernels.spi.GemmProvider;
import dev.backprop.kernels.spi.GemmProviderContract;
import org.junit.jupiter.api.Test;

class VectorGemmProviderTest extends GemmProviderContract {

  private static final VectorGemmProvider VECTOR = new VectorGemmProvider();

  @Override
  protected GemmProvider provider() {
    return VECTOR;
  }

  @Test
  void vectorProviderIsSupportedWhenTheModuleIsResolvedOnA256BitCpu() {
    assertThat(VECTOR.isSupported()).isTrue();
    assertThat(VECTOR.name()).matches("vector-api (256|512|1024|2048)-bit");
  }
}
