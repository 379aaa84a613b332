package dev.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Networks small enough to differentiate on paper: every value below is derived by hand from the
 * notes' formulas, starting from the parameters the seed drew.
 */
class TinyNetworkByHandTest {
  private static final double TOLERANCE = 1e-15;

  @Test
  void oneOneOneSigmoidNetworkWithHalfSquaredErrorMatchesTheFourthNoteByHand() {
    ExplainSpec spec = ExplainSpec.defaults().withLoss("squared-error").withLayers(1, 1, 1);
    Explanation e = Explain.run(spec);
    double x = 0.5;
    double y = 1;
    double w1 = e.layer(1).weight().get(0, 0);
    double b1 = e.layer(1).bias().get(0, 0);
    double w2 = e.layer(2).weight().get(0, 0);
    double b2 = e.layer(2).bias().get(0, 0);

    double z1 = w1 * x + b1;
    double h1 = 1 / (1 + Math.exp(-z1));
    double z2 = w2 * h1 + b2;
    double a = 1 / (1 + Math.exp(-z2));
    double loss = 0.5 * (a - y) * (a - y);
    double dz2 = (a - y) * a * (1 - a); // δ = (a − y)·σ'(z)
    double dW2 = dz2 * h1;
    double dh1 = w2 * dz2;
    double dz1 = dh1 * h1 * (1 - h1);
    double dW1 = dz1 * x;
    double dx = w1 * dz1;

    assertThat(e.input().values()).containsExactly(x);
    assertThat(e.target().values()).containsExactly(y);
    assertThat(e.layer(1).z().get(0, 0)).isCloseTo(z1, within(TOLERANCE));
    assertThat(e.layer(1).h().get(0, 0)).isCloseTo(h1, within(TOLERANCE));
    assertThat(e.layer(2).z().get(0, 0)).isCloseTo(z2, within(TOLERANCE));
    assertThat(e.layer(2).h().get(0, 0)).isCloseTo(a, within(TOLERANCE));
    assertThat(e.loss()).isCloseTo(loss, within(TOLERANCE));
    assertThat(e.outputGradient().analytic().get(0, 0)).isCloseTo(a - y, within(TOLERANCE));
    assertThat(only(e.layer(2).gradients().dz())).isCloseTo(dz2, within(TOLERANCE));
    assertThat(only(e.layer(2).gradients().dWeight())).isCloseTo(dW2, within(TOLERANCE));
    assertThat(only(e.layer(2).gradients().dBias())).isCloseTo(dz2, within(TOLERANCE));
    assertThat(only(e.layer(2).gradients().dhPrevious())).isCloseTo(dh1, within(TOLERANCE));
    assertThat(only(e.layer(1).gradients().dz())).isCloseTo(dz1, within(TOLERANCE));
    assertThat(only(e.layer(1).gradients().dWeight())).isCloseTo(dW1, within(TOLERANCE));
    assertThat(only(e.layer(1).gradients().dBias())).isCloseTo(dz1, within(TOLERANCE));
    assertThat(only(e.layer(1).gradients().dhPrevious())).isCloseTo(dx, within(TOLERANCE));
    assertThat(e.layer(1).updatedWeight().get(0, 0)).isCloseTo(w1 - 0.1 * dW1, within(TOLERANCE));
    assertThat(e.layer(2).updatedBias().get(0, 0)).isCloseTo(b2 - 0.1 * dz2, within(TOLERANCE));
  }

  @Test
  void twoClassSoftmaxWithoutHiddenLayerHasErrorQMinusYAndWeightGradientErrorTimesInput() {
    Explanation e = Explain.run(ExplainSpec.defaults().withLayers(1, 2));
    double x = 0.5;
    double[] y = {0, 1};
    double z0 = e.layer(1).weight().get(0, 0) * x + e.layer(1).bias().get(0, 0);
    double z1 = e.layer(1).weight().get(1, 0) * x + e.layer(1).bias().get(1, 0);
    double q0 = Math.exp(z0) / (Math.exp(z0) + Math.exp(z1));
    double q1 = Math.exp(z1) / (Math.exp(z0) + Math.exp(z1));

    assertThat(e.loss()).isCloseTo(-Math.log(q1), within(TOLERANCE));
    double[] dz = e.layer(1).gradients().dz().analytic().values();
    assertThat(dz).containsExactly(new double[] {q0 - y[0], q1 - y[1]}, within(TOLERANCE));
    assertThat(e.layer(1).gradients().dWeight().analytic().values())
        .containsExactly(new double[] {dz[0] * x, dz[1] * x}, within(TOLERANCE));
    assertThat(e.outputGradient().analytic().values()).containsExactly(new double[] {0, -1 / q1}, within(1e-14));
  }

  @Test
  void oneOneTanhNetworkWithMeanSquaredErrorScalesTheErrorByTwoOverN() {
    Explanation e = Explain.run(ExplainSpec.defaults().withLoss("mse").withActivation("tanh").withLayers(1, 1, 1));
    double h1 = Math.tanh(e.layer(1).z().get(0, 0));
    double z2 = e.layer(2).weight().get(0, 0) * h1 + e.layer(2).bias().get(0, 0);
    double a = 1 / (1 + Math.exp(-z2));
    double dz2 = 2 * (a - 1) * a * (1 - a);
    double dz1 = e.layer(2).weight().get(0, 0) * dz2 * (1 - h1 * h1);
    assertThat(e.loss()).isCloseTo((a - 1) * (a - 1), within(TOLERANCE));
    assertThat(only(e.layer(2).gradients().dz())).isCloseTo(dz2, within(TOLERANCE));
    assertThat(only(e.layer(1).gradients().dz())).isCloseTo(dz1, within(TOLERANCE));
  }

  private static double only(CheckedGradient g) {
    assertThat(g.analytic().values()).hasSize(1);
    return g.analytic().get(0, 0);
  }
}
