package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.backprop.nn.Initializer.Scheme;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InitializerTest {
  private static final int OUT = 300;
  private static final int IN = 400;

  /** Each random scheme with the standard deviation its formula gives for a [300, 400] weight. */
  static Stream<Arguments> schemes() {
    return Stream.of(
        Arguments.of(Initializer.glorotUniform(), Math.sqrt(2.0 / (IN + OUT))),
        Arguments.of(Initializer.glorotNormal(), Math.sqrt(2.0 / (IN + OUT))),
        Arguments.of(Initializer.heUniform(), Math.sqrt(2.0 / IN)),
        Arguments.of(Initializer.heNormal(), Math.sqrt(2.0 / IN)),
        Arguments.of(Initializer.lecunUniform(), Math.sqrt(1.0 / IN)),
        Arguments.of(Initializer.lecunNormal(), Math.sqrt(1.0 / IN)),
        Arguments.of(new Initializer(Scheme.GLOROT_NORMAL, 5.0 / 3), 5.0 / 3 * Math.sqrt(2.0 / (IN + OUT))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void samplesHaveMeanZeroAndTheFormulasStandardDeviation(Initializer init, double sigma) {
    float[] w = init.sample(new SplittableRandom(1), OUT, IN).toFloatArray();
    double mean = 0;
    for (float v : w) {
      mean += v;
    }
    mean /= w.length;
    double var = 0;
    double maxAbs = 0;
    for (float v : w) {
      var += (v - mean) * (v - mean);
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    double std = Math.sqrt(var / (w.length - 1));
    // 120,000 draws: the sample mean's standard error is sigma/346, the std's about sigma/490.
    assertThat(mean).isCloseTo(0, offset(4 * sigma / Math.sqrt(w.length)));
    assertThat(std).isCloseTo(sigma, offset(0.01 * sigma));
    if (init.scheme().name().endsWith("UNIFORM")) {
      double bound = Math.sqrt(3) * sigma;
      assertThat(maxAbs).isLessThanOrEqualTo(bound).isGreaterThan(0.999 * bound);
    } else {
      assertThat(maxAbs).isGreaterThan(3.5 * sigma);
    }
  }

  @Test
  void theSameSeedGivesTheSameBitsAndAnotherSeedOthers() {
    for (Initializer init : new Initializer[] {Initializer.heNormal(), Initializer.glorotUniform()}) {
      float[] a = init.sample(new SplittableRandom(7), 20, 30).toFloatArray();
      assertThat(init.sample(new SplittableRandom(7), 20, 30).toFloatArray()).containsExactly(a);
      assertThat(init.sample(new SplittableRandom(8), 20, 30).toFloatArray()).isNotEqualTo(a);
    }
  }

  @Test
  void zerosAndConstantFillEveryElement() {
    assertThat(Initializer.zeros().sample(new SplittableRandom(0), 3).toFloatArray()).containsOnly(0f);
    assertThat(Initializer.constant(-0.25).sample(new SplittableRandom(0), 2, 3).toFloatArray()).containsOnly(-0.25f);
  }

  @Test
  void fanBasedSchemesNeedAWeightShape() {
    assertThatThrownBy(() -> Initializer.heNormal().sample(new SplittableRandom(0), 5))
        .hasMessageContaining("he-normal: needs a weight shape [out, in, ...]");
    assertThatThrownBy(() -> new Initializer(Scheme.HE_NORMAL, -1)).hasMessageContaining("non-negative");
  }

  @Test
  void defaultsPerActivationAreHeForReluFamilyLecunForSeluGlorotOtherwise() {
    assertThat(Activation.RELU.defaultInitializer()).isEqualTo(new Initializer(Scheme.HE_NORMAL, Math.sqrt(2)));
    assertThat(Activation.GELU.defaultInitializer().scheme()).isEqualTo(Scheme.HE_NORMAL);
    assertThat(Activation.ELU.defaultInitializer().scheme()).isEqualTo(Scheme.HE_NORMAL);
    assertThat(Activation.LEAKY_RELU.defaultInitializer().gain()).isCloseTo(Math.sqrt(2 / (1 + 1e-4)), offset(1e-15));
    assertThat(Activation.SELU.defaultInitializer()).isEqualTo(Initializer.lecunNormal());
    for (Activation a : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.SOFTMAX, Activation.IDENTITY}) {
      assertThat(a.defaultInitializer()).isEqualTo(Initializer.glorotUniform());
    }
  }

  @Test
  void denseBiasesStartAtZero() {
    Dense dense = new Dense(5, 4, new SplittableRandom(3));
    assertThat(dense.bias().toFloatArray()).containsOnly(0f);
    assertThat(dense.weight().shape()).containsExactly(4, 5);
  }

  @Test
  void schemeLabelsRoundTripAndUnknownLabelsAreRejected() {
    for (Scheme s : Scheme.values()) {
      assertThat(Scheme.byLabel(s.label())).isEqualTo(s);
    }
    assertThat(Scheme.HE_NORMAL.label()).isEqualTo("he-normal");
    assertThatThrownBy(() -> Scheme.byLabel("xavier")).hasMessageContaining("unknown initializer 'xavier'")
        .hasMessageContaining("glorot-uniform");
  }
}
