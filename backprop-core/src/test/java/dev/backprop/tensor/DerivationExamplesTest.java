package dev.backprop.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The worked examples of the notes in shared/seeds, computed through the public API. */
class DerivationExamplesTest {

  @Test
  void crossEntropyOfPointEightAgainstFirstClassIsMinusLnPointEight() {
    // Third note: p = (0.8, 0.1, 0.1), y = (1, 0, 0): L = −ln 0.8 = 0.2231 (the note rounds to 0.2).
    Tensor logits = Tensor.of(new double[] {0.8, 0.1, 0.1}, 1, 3).log();
    assertThat(Losses.crossEntropy(logits, new int[] {0}).item()).isCloseTo(0.2231435513, within(1e-9));
    Tensor target = Tensor.of(new double[] {1, 0, 0}, 1, 3);
    assertThat(Losses.crossEntropy(logits, target).item()).isCloseTo(-Math.log(0.8), within(1e-12));
  }

  @Test
  void softmaxWithCrossEntropyHasGradientQMinusY() {
    double[] z = {1.5, -0.3, 0.2, 2.0};
    Tensor logits = Tensor.of(z, 1, 4).requiresGrad();
    Losses.crossEntropy(logits, new int[] {2}).backward();
    double sum = 0;
    for (double v : z) {
      sum += Math.exp(v);
    }
    double[] expected = new double[4];
    for (int i = 0; i < 4; i++) {
      expected[i] = Math.exp(z[i]) / sum - (i == 2 ? 1 : 0);
    }
    assertThat(logits.grad().toDoubleArray()).containsExactly(expected, within(1e-12));
  }

  @Test
  void sigmoidOutputWithHalfSquaredErrorGivesDeltaTimesPreviousActivation() {
    // Fourth note: δ = (a − y)·σ'(z), ∂L/∂W = δ·a_prevᵀ, ∂L/∂b = δ for one example.
    double[] aPrev = {0.35, 0.9};
    double[] w = {0.3, -0.7, 0.55, 0.1};
    double[] b = {0.05, -0.2};
    double[] y = {1, 0};
    Tensor weight = Tensor.of(w, 2, 2).requiresGrad();
    Tensor bias = Tensor.of(b, 2).requiresGrad();
    Tensor a = Tensor.linear(Tensor.of(aPrev, 1, 2), weight, bias).sigmoid();
    Losses.halfSumSquaredError(a, Tensor.of(y, 1, 2)).backward();
    for (int k = 0; k < 2; k++) {
      double z = w[2 * k] * aPrev[0] + w[2 * k + 1] * aPrev[1] + b[k];
      double s = 1 / (1 + Math.exp(-z));
      double delta = (s - y[k]) * s * (1 - s);
      assertThat(bias.grad().toDoubleArray()[k]).isCloseTo(delta, within(1e-15));
      for (int j = 0; j < 2; j++) {
        assertThat(weight.grad().toDoubleArray()[2 * k + j]).isCloseTo(delta * aPrev[j], within(1e-15));
      }
    }
  }

  @Test
  void linearChainGradientIsInputTimesSumOfErrorsTimesOutputWeights() {
    // Fifth note: h₁ = x₁·w¹₁₁, y_k = h₁·w²_k1, E = ½Σ(t_k − y_k)²: ∂E/∂w¹₁₁ = x₁·Σ_k (y_k − t_k)·w²_k1.
    double x1 = 0.7;
    double w1 = -1.3;
    double[] w2 = {0.4, 2.5};
    double[] t = {0.2, -0.6};
    Tensor first = Tensor.of(new double[] {w1}, 1, 1).requiresGrad();
    Tensor second = Tensor.of(w2, 1, 2).requiresGrad();
    Tensor out = Tensor.of(new double[] {x1}, 1, 1).matmul(first).matmul(second);
    Losses.halfSumSquaredError(out, Tensor.of(t, 1, 2)).backward();
    double h = x1 * w1;
    double expected = x1 * ((h * w2[0] - t[0]) * w2[0] + (h * w2[1] - t[1]) * w2[1]);
    assertThat(first.grad().item()).isCloseTo(expected, within(1e-14));
  }

  @Test
  void threeLayerNetworkOfTheFirstNotePassesGradCheck() {
    // First note: 3 inputs, two hidden layers of 3 sigmoid units, softmax output, cross-entropy.
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    Tensor x = Tensor.randn(rng, 4, 3).toFloat64();
    Tensor[] params = {
      Tensor.randn(rng, 3, 3).toFloat64(), Tensor.randn(rng, 3).toFloat64(),
      Tensor.randn(rng, 3, 3).toFloat64(), Tensor.randn(rng, 3).toFloat64(),
      Tensor.randn(rng, 3, 3).toFloat64(), Tensor.randn(rng, 3).toFloat64()
    };
    int[] labels = {0, 2, 1, 2};
    GradCheck.Result result = GradCheck.check(p -> {
      Tensor h1 = Tensor.linear(x, p[0], p[1]).sigmoid();
      Tensor h2 = Tensor.linear(h1, p[2], p[3]).sigmoid();
      return Losses.crossEntropy(Tensor.linear(h2, p[4], p[5]), labels);
    }, params);
    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.comparisons()).isEqualTo(36);
    assertThat(result.absoluteError()).isLessThan(1e-8);
  }
}
