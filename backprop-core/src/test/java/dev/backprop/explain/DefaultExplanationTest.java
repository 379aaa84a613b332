package dev.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default explanation: the first note's network, sigmoid hidden units, softmax with cross-entropy. */
class DefaultExplanationTest {
  private static final Explanation E = Explain.run(ExplainSpec.defaults());

  @Test
  void defaultNetworkIsTheFirstNotesThreeInputsTwoHiddenLayersOfThreeAndThreeOutputs() {
    assertThat(E.spec().layers()).containsExactly(3, 3, 3, 3);
    assertThat(E.layers()).hasSize(3);
    for (LayerTrace layer : E.layers()) {
      assertThat(layer.weight().rows()).isEqualTo(3);
      assertThat(layer.weight().cols()).isEqualTo(3);
      assertThat(layer.bias().rows()).isEqualTo(3);
      assertThat(layer.bias().cols()).isEqualTo(1);
    }
    assertThat(E.input().values()).containsExactly(0.5, -1.0, 2.0);
    assertThat(E.target().values()).containsExactly(0.0, 1.0, 0.0);
  }

  @Test
  void everyAnalyticGradientEqualsItsFiniteDifferenceTo1e6() {
    for (CheckedGradient g : allGradients(E)) {
      double[] analytic = g.analytic().values();
      assertThat(analytic).containsExactly(g.numeric().values(), within(1e-6));
    }
    assertThat(E.maxFiniteDifferenceError()).isLessThanOrEqualTo(1e-6);
  }

  @Test
  void finiteDifferencesAreEstimatesNotCopiesOfTheAnalyticGradient() {
    // A check that compared a value with itself could not fail; the estimates carry rounding error.
    assertThat(E.maxFiniteDifferenceError()).isGreaterThan(0);
  }

  @Test
  void explicitWeightAndBiasGradientsEqualAutogradTo1e12() {
    for (LayerTrace layer : E.layers()) {
      LayerGradients g = layer.gradients();
      assertThat(g.dWeight().analytic().values()).containsExactly(g.autogradDWeight().values(), within(1e-12));
      assertThat(g.dBias().analytic().values()).containsExactly(g.autogradDBias().values(), within(1e-12));
    }
    assertThat(E.maxAutogradDifference()).isLessThanOrEqualTo(1e-12);
  }

  @Test
  void forwardValuesFollowTheLayerEquations() {
    double[] previous = E.input().values();
    for (LayerTrace layer : E.layers()) {
      double[] z = Reference.affine(layer.weight(), layer.bias(), previous);
      assertThat(layer.z().values()).containsExactly(z, within(1e-15));
      double[] h = layer.index() == 3 ? Reference.softmax(z) : Reference.sigmoid(z);
      assertThat(layer.h().values()).containsExactly(h, within(1e-15));
      previous = h;
    }
    assertThat(sum(E.layer(3).h().values())).isCloseTo(1, within(1e-15));
  }

  @Test
  void lossIsMinusLnOfTheTargetsProbability() {
    assertThat(E.loss()).isCloseTo(-Math.log(E.layer(3).h().get(1, 0)), within(1e-15));
  }

  @Test
  void outputLayerErrorIsQMinusY() {
    double[] q = E.layer(3).h().values();
    double[] y = E.target().values();
    double[] expected = {q[0] - y[0], q[1] - y[1], q[2] - y[2]};
    assertThat(E.layer(3).gradients().dz().analytic().values()).containsExactly(expected, within(1e-15));
    assertThat(E.layer(3).gradients().activationDerivative()).isEmpty();
  }

  @Test
  void hiddenErrorIsTheHandedDownGradientTimesSigmoidDerivative() {
    for (int l = 1; l <= 2; l++) {
      double[] dh = E.layer(l + 1).gradients().dhPrevious().analytic().values();
      double[] h = E.layer(l).h().values();
      double[] dz = E.layer(l).gradients().dz().analytic().values();
      for (int i = 0; i < 3; i++) {
        assertThat(dz[i]).isCloseTo(dh[i] * h[i] * (1 - h[i]), within(1e-15));
      }
    }
  }

  @Test
  void oneStepMovesEachParameterAgainstItsGradientAndLowersTheLoss() {
    double eta = E.spec().learningRate();
    double[] previous = E.input().values();
    for (LayerTrace layer : E.layers()) {
      double[] w = layer.weight().values();
      double[] dw = layer.gradients().dWeight().analytic().values();
      double[] updated = layer.updatedWeight().values();
      for (int k = 0; k < w.length; k++) {
        assertThat(updated[k]).isCloseTo(w[k] - eta * dw[k], within(1e-15));
      }
      double[] z = Reference.affine(layer.updatedWeight(), layer.updatedBias(), previous);
      previous = layer.index() == 3 ? Reference.softmax(z) : Reference.sigmoid(z);
    }
    assertThat(E.lossAfterStep()).isCloseTo(-Math.log(previous[1]), within(1e-14));
    assertThat(E.lossAfterStep()).isLessThan(E.loss());
  }

  @Test
  void theSameSeedGivesTheSameExplanationAndAnotherSeedOtherParameters() {
    assertThat(Explain.run(ExplainSpec.defaults())).isEqualTo(E);
    Explanation other = Explain.run(ExplainSpec.defaults().withSeed(2));
    assertThat(other.layer(1).weight()).isNotEqualTo(E.layer(1).weight());
  }

  static List<CheckedGradient> allGradients(Explanation e) {
    List<CheckedGradient> all = new ArrayList<>(List.of(e.outputGradient()));
    for (LayerTrace layer : e.layers()) {
      LayerGradients g = layer.gradients();
      all.addAll(List.of(g.dz(), g.dWeight(), g.dBias(), g.dhPrevious()));
    }
    return all;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
