package dev.backprop.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.kernels.spi.GemmProvider;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

class GemmProvidersTest {

  /** A provider that only reports its name and support; it is never asked to multiply. */
  private record FakeProvider(String name, boolean isSupported) implements GemmProvider {
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int offA,
        float[] b, int offB, float[] c, int offC, boolean accumulate,
        int rowFrom, int rowTo, int colFrom, int colTo) {
      throw new AssertionError("not a real provider");
    }
  }

  private static final GemmProvider FAST = new FakeProvider("fast", true);
  private static final GemmProvider UNSUPPORTED = new FakeProvider("needs-a-flag", false);

  @Test
  void withoutTheSimdModuleTheScalarProviderIsChosen() {
    assertThat(Gemm.providerName()).isEqualTo("scalar");
  }

  @Test
  void theFirstSupportedProviderWinsUnlessScalarIsForced() {
    assertThat(GemmProviders.select(null, List.of(UNSUPPORTED, FAST)).name()).isEqualTo("fast");
    assertThat(GemmProviders.select("true", List.of(FAST)).name()).isEqualTo("fast");
    assertThat(GemmProviders.select("false", List.of(FAST)).name()).isEqualTo("scalar");
    assertThat(GemmProviders.select(null, List.of(UNSUPPORTED)).name()).isEqualTo("scalar");
  }

  @Test
  void aProviderThatFailsToLoadIsSkipped() {
    Iterable<GemmProvider> broken = () -> new Iterator<>() {
      private int calls;

      @Override
      public boolean hasNext() {
        return calls < 2;
      }

      @Override
      public GemmProvider next() {
        if (calls++ == 0) {
          throw new ServiceConfigurationError("dev.example.Broken: could not be instantiated");
        }
        if (calls > 2) {
          throw new NoSuchElementException();
        }
        return FAST;
      }
    };
    assertThat(GemmProviders.select(null, broken).name()).isEqualTo("fast");
  }

  @Test
  void forcingSimdWithoutAnyRunnableProviderFailsWithTheReasonAndTheFix() {
    assertThatThrownBy(() -> GemmProviders.select("true", List.of(UNSUPPORTED)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs-a-flag (not supported in this JVM)")
        .hasMessageContaining("--add-modules jdk.incubator.vector");
    assertThatThrownBy(() -> GemmProviders.select("true", List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("none found on the class path (add backprop-simd)");
  }

  @Test
  void anUnknownSettingIsRejectedWithItsValue() {
    assertThatThrownBy(() -> GemmProviders.select("yes", List.of(FAST)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("system property backprop.simd must be true or false but was 'yes'");
  }
}
