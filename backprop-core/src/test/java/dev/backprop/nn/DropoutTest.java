package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.backprop.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DropoutTest {
  private static final Tensor ONES = Tensor.ones(200, 500);

  @Test
  void evaluationModeIsTheIdentityAndDrawsNoMask() {
    Dropout d = new Dropout(0.5, 3);
    d.eval();
    Tensor x = Tensor.randn(new SplittableRandom(1), 4, 5);
    assertThat(d.forward(x)).isSameAs(x);
    assertThat(d.generatorStates()).containsEntry("generator", 0L);
  }

  @Test
  void trainingKeepsAboutOneMinusPOfTheUnitsScaledByOneOverOneMinusP() {
    double p = 0.3;
    float[] y = new Dropout(p, 17).forward(ONES).toFloatArray();
    int kept = 0;
    int otherValues = 0;
    double sum = 0;
    for (float v : y) {
      kept += v != 0 ? 1 : 0;
      otherValues += v != 0 && v != (float) (1 / (1 - p)) ? 1 : 0;
      sum += v;
    }
    assertThat(otherValues).isZero();
    // 100,000 Bernoulli(0.7) draws: the standard deviation of the kept fraction is 0.0014.
    assertThat((double) kept / y.length).isCloseTo(1 - p, offset(0.006));
    assertThat(sum / y.length).isCloseTo(1.0, offset(0.01));
  }

  @Test
  void theGradientFlowsThroughKeptUnitsWithTheSameScale() {
    Tensor x = Tensor.randn(new SplittableRandom(2), 30, 40).requiresGrad();
    Tensor y = new Dropout(0.5, 8).forward(x);
    y.sum().backward();
    float[] g = x.grad().toFloatArray();
    float[] out = y.toFloatArray();
    float[] in = x.toFloatArray();
    int mismatches = 0;
    for (int i = 0; i < g.length; i++) {
      mismatches += (g[i] == 0f || g[i] == 2f) && out[i] == in[i] * g[i] ? 0 : 1;
    }
    assertThat(mismatches).isZero();
    assertThat(g).contains(0f, 2f);
  }

  @Test
  void sameSeedGivesTheSameMasksAndEachCallANewOne() {
    Dropout a = new Dropout(0.5, 42);
    Dropout b = new Dropout(0.5, 42);
    float[] a1 = a.forward(ONES).toFloatArray();
    float[] a2 = a.forward(ONES).toFloatArray();
    assertThat(b.forward(ONES).toFloatArray()).isEqualTo(a1);
    assertThat(b.forward(ONES).toFloatArray()).isEqualTo(a2);
    assertThat(a2).isNotEqualTo(a1);
    assertThat(new Dropout(0.5, 43).forward(ONES).toFloatArray()).isNotEqualTo(a1);
  }

  @Test
  void restoringTheGeneratorStateResumesWithTheSameMasks() {
    Sequential net = new Sequential(new Identity(), new Dropout(0.4, 9), new Sequential(new Dropout(0.2, 10)));
    for (int i = 0; i < 3; i++) {
      net.forward(ONES);
    }
    Map<String, Long> saved = net.generatorStates();
    assertThat(saved).containsExactly(Map.entry("1.generator", 3L), Map.entry("2.0.generator", 3L));
    float[] next = net.forward(ONES).toFloatArray();

    Sequential resumed = new Sequential(new Identity(), new Dropout(0.4, 9), new Sequential(new Dropout(0.2, 10)));
    resumed.restoreGeneratorStates(saved);
    assertThat(resumed.forward(ONES).toFloatArray()).isEqualTo(next);
  }

  @Test
  void restoringRejectsUnknownMissingOrNegativeStates() {
    Sequential net = new Sequential(new Dropout(0.4, 9), new Dropout(0.4, 10));
    assertThatThrownBy(() -> net.restoreGeneratorStates(Map.of("0.generator", 1L)))
        .hasMessageContaining("[0.generator]").hasMessageContaining("0.generator, 1.generator");
    assertThatThrownBy(() -> net.restoreGeneratorStates(Map.of("0.generator", 1L, "1.generator", -1L)))
        .hasMessageContaining("-1");
  }

  @Test
  void aRejectedRestoreLeavesEveryGeneratorWhereItWas() {
    Sequential net = new Sequential(new Dropout(0.4, 9), new Dropout(0.4, 10));
    net.forward(ONES);
    Map<String, Long> before = net.generatorStates();
    assertThatThrownBy(() -> net.restoreGeneratorStates(Map.of("0.generator", 7L, "1.generator", -1L)))
        .hasMessageContaining("'1.generator' has position -1");
    assertThat(net.generatorStates()).isEqualTo(before);
  }

  @Test
  void dropProbabilityOneZeroesEverythingAndZeroIsTheIdentity() {
    assertThat(new Dropout(1, 1).forward(ONES).toFloatArray()).containsOnly(0f);
    assertThat(new Dropout(0, 1).forward(ONES)).isSameAs(ONES);
    assertThatThrownBy(() -> new Dropout(1.5, 1)).hasMessageContaining("p must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> new Dropout(Double.NaN, 1)).hasMessageContaining("got NaN");
  }

  @Test
  void masksDoNotDependOnTheDtype() {
    Dropout a = new Dropout(0.5, 5);
    Module b = new Dropout(0.5, 5).toFloat64();
    float[] single = a.forward(Tensor.ones(7, 9)).toFloatArray();
    double[] wide = b.forward(Tensor.ones(7, 9).toFloat64()).toDoubleArray();
    int differences = 0;
    for (int i = 0; i < single.length; i++) {
      differences += (single[i] == 0) == (wide[i] == 0) ? 0 : 1;
    }
    assertThat(differences).isZero();
  }
}
