package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.backprop.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The derivations of the notes, worked by hand and compared with backward(). */
class BackpropDerivationTest {
  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * A 2-2-1 sigmoid network with L = ½(a − y)²: δ₂ = (a₂ − y)·σ'(z₂), ∂L/∂W₂ = δ₂·a₁ᵀ, ∂L/∂b₂ =
   * δ₂; δ₁ = (W₂ᵀ δ₂) ⊙ σ'(z₁), ∂L/∂W₁ = δ₁·xᵀ, ∂L/∂b₁ = δ₁.
   */
  @Test
  void twoTwoOneSigmoidNetworkGradientsAreTheHandDerivedDeltas() {
    double[] x = {0.35, 0.9};
    double y = 0.5;
    double[][] w1 = {{0.1, 0.8}, {0.4, 0.6}};
    double[] b1 = {0.05, -0.2};
    double[] w2 = {0.3, 0.9};
    double b2 = 0.1;
    Sequential net = new Sequential(new Dense(2, 2, new SplittableRandom(0)), new Sigmoid(),
        new Dense(2, 1, new SplittableRandom(0)), new Sigmoid()).toFloat64();
    net.loadState(Map.of(
        "0.weight", Tensor.of(new double[] {w1[0][0], w1[0][1], w1[1][0], w1[1][1]}, 2, 2),
        "0.bias", Tensor.of(b1, 2),
        "2.weight", Tensor.of(w2, 1, 2),
        "2.bias", Tensor.of(new double[] {b2}, 1)));

    new HalfSumSquaredError().compute(net.forward(Tensor.of(x, 1, 2)), Tensor.of(new double[] {y}, 1, 1)).backward();

    double[] z1 = new double[2];
    double[] a1 = new double[2];
    for (int j = 0; j < 2; j++) {
      z1[j] = w1[j][0] * x[0] + w1[j][1] * x[1] + b1[j];
      a1[j] = sigmoid(z1[j]);
    }
    double z2 = w2[0] * a1[0] + w2[1] * a1[1] + b2;
    double a2 = sigmoid(z2);
    double delta2 = (a2 - y) * a2 * (1 - a2);
    double[] delta1 = new double[2];
    for (int j = 0; j < 2; j++) {
      delta1[j] = w2[j] * delta2 * a1[j] * (1 - a1[j]);
    }
    Map<String, Tensor> p = net.namedParameters();
    assertThat(p.get("2.weight").grad().toDoubleArray()).usingComparatorWithPrecision(1e-12)
        .containsExactly(delta2 * a1[0], delta2 * a1[1]);
    assertThat(p.get("2.bias").grad().item()).isCloseTo(delta2, offset(1e-12));
    assertThat(p.get("0.weight").grad().toDoubleArray()).usingComparatorWithPrecision(1e-12)
        .containsExactly(delta1[0] * x[0], delta1[0] * x[1], delta1[1] * x[0], delta1[1] * x[1]);
    assertThat(p.get("0.bias").grad().toDoubleArray()).usingComparatorWithPrecision(1e-12)
        .containsExactly(delta1[0], delta1[1]);
  }

  /** The third note: with q = softmax(z) and L = −Σ y ln q, ∂L/∂z = q − y. */
  @Test
  void softmaxWithCrossEntropyGivesOutputGradientQMinusY() {
    Tensor z = Tensor.of(new double[] {1.2, -0.3, 0.4}, 1, 3).requiresGrad();
    double[] y = {0, 0, 1};
    new CategoricalCrossEntropy().compute(z, new int[] {2}).backward();
    double[] q = z.softmax(1).toDoubleArray();
    assertThat(z.grad().toDoubleArray()).usingComparatorWithPrecision(1e-15)
        .containsExactly(q[0] - y[0], q[1] - y[1], q[2] - y[2]);
  }

  /** The third note's example: y = (1, 0, 0), p = (0.8, 0.1, 0.1) gives −ln 0.8 ≈ 0.223. */
  @Test
  void crossEntropyOfTheNotesExampleIsMinusLnPointEight() {
    Tensor logits = Tensor.of(new double[] {Math.log(0.8), Math.log(0.1), Math.log(0.1)}, 1, 3);
    double loss = new CategoricalCrossEntropy().compute(logits, new int[] {0}).item();
    assertThat(loss).isCloseTo(-Math.log(0.8), offset(1e-15)).isCloseTo(0.223, offset(5e-4));
    double wrong = new CategoricalCrossEntropy().compute(logits, new int[] {1}).item();
    assertThat(wrong).isCloseTo(2.303, offset(5e-4));
  }

  /** The fifth note: y = x·w, E = ½(t − y)² gives ∂E/∂w = (y − t)·x. */
  @Test
  void singleWeightGradientIsOutputErrorTimesInput() {
    Dense neuron = (Dense) new DenseSpec(1, 1, false, Initializer.constant(0.7)).build(new SplittableRandom(0)).toFloat64();
    double x = 1.5;
    double t = 2;
    new HalfSumSquaredError().compute(neuron.forward(Tensor.of(new double[] {x}, 1, 1)), Tensor.of(new double[] {t}, 1, 1)).backward();
    double w = (float) 0.7;
    assertThat(neuron.weight().grad().item()).isCloseTo((w * x - t) * x, offset(1e-15));
  }
}
