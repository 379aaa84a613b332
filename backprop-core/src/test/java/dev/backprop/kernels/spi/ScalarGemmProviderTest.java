package dev.backprop.kernels.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScalarGemmProviderTest extends GemmProviderContract {

  private final ScalarGemmProvider scalar = new ScalarGemmProvider();

  @Override
  protected GemmProvider provider() {
    return scalar;
  }

  @Test
  void scalarProviderIsAlwaysSupported() {
    assertThat(scalar.isSupported()).isTrue();
    assertThat(scalar.name()).isEqualTo("scalar");
  }
}
