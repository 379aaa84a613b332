package dev.backprop.optim;

import static dev.backprop.optim.Fixtures.param;
import static dev.backprop.optim.Fixtures.setGrad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SGD's first steps against hand arithmetic. Every case starts from θ = (1, −2) with learning rate
 * η = 0.1 and gradients g1 = (0.5, −1), g2 = (0.2, 0.4), g3 = (0, 0).
 */
class SGDTest {
  private static final double[] G1 = {0.5, -1};
  private static final double[] G2 = {0.2, 0.4};
  private static final double[] G3 = {0, 0};

  private static Tensor run(DType dtype, SGD.Spec spec, int steps, double[]... grads) {
    Tensor p = param(dtype, 1, -2);
    SGD sgd = new SGD(List.of(p), spec);
    for (int t = 0; t < steps; t++) {
      setGrad(p, grads[t]);
      sgd.step();
    }
    return p;
  }

  private static void assertValues(Tensor p, double... expected) {
    double[] actual = p.toDoubleArray();
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).isCloseTo(expected[i], within(Fixtures.tolerance(p.dtype(), expected[i])));
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void plainStepsMoveAgainstTheGradientByTheLearningRate(DType dtype) {
    // θ1 = (1 − 0.1·0.5, −2 + 0.1·1) = (0.95, −1.9); θ2 = (0.95 − 0.02, −1.9 − 0.04)
    assertValues(run(dtype, new SGD.Spec(0.1), 1, G1), 0.95, -1.9);
    assertValues(run(dtype, new SGD.Spec(0.1), 2, G1, G2), 0.93, -1.94);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void momentumBufferStartsAtTheFirstGradientThenAccumulates(DType dtype) {
    SGD.Spec spec = new SGD.Spec(0.1).withMomentum(0.9);
    // b1 = g1 = (0.5, −1): θ1 = (0.95, −1.9)
    assertValues(run(dtype, spec, 1, G1), 0.95, -1.9);
    // b2 = 0.9·(0.5, −1) + (0.2, 0.4) = (0.65, −0.5): θ2 = (0.95 − 0.065, −1.9 + 0.05)
    assertValues(run(dtype, spec, 2, G1, G2), 0.885, -1.85);
    // b3 = 0.9·(0.65, −0.5) = (0.585, −0.45): θ3 = (0.885 − 0.0585, −1.85 + 0.045)
    assertValues(run(dtype, spec, 3, G1, G2, G3), 0.8265, -1.805);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void dampeningScalesTheNewGradientButNotTheFirst(DType dtype) {
    SGD.Spec spec = new SGD.Spec(0.1).withMomentum(0.9).withDampening(0.5);
    assertValues(run(dtype, spec, 1, G1), 0.95, -1.9);
    // b2 = 0.9·(0.5, −1) + 0.5·(0.2, 0.4) = (0.55, −0.7): θ2 = (0.95 − 0.055, −1.9 + 0.07)
    assertValues(run(dtype, spec, 2, G1, G2), 0.895, -1.83);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void nesterovStepsAlongTheGradientPlusTheDecayedBuffer(DType dtype) {
    SGD.Spec spec = new SGD.Spec(0.1).withMomentum(0.9).withNesterov(true);
    // b1 = (0.5, −1); g = g1 + 0.9·b1 = (0.95, −1.9): θ1 = (0.905, −1.81)
    assertValues(run(dtype, spec, 1, G1), 0.905, -1.81);
    // b2 = (0.65, −0.5); g = (0.2, 0.4) + 0.9·b2 = (0.785, −0.05): θ2 = (0.905 − 0.0785, −1.81 + 0.005)
    assertValues(run(dtype, spec, 2, G1, G2), 0.8265, -1.805);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void weightDecayAddsLambdaThetaToTheGradient(DType dtype) {
    SGD.Spec spec = new SGD.Spec(0.1).withWeightDecay(0.1);
    // g = (0.5, −1) + 0.1·(1, −2) = (0.6, −1.2): θ1 = (0.94, −1.88)
    assertValues(run(dtype, spec, 1, G1), 0.94, -1.88);
    // g = (0.2, 0.4) + 0.1·(0.94, −1.88) = (0.294, 0.212): θ2 = (0.94 − 0.0294, −1.88 − 0.0212)
    assertValues(run(dtype, spec, 2, G1, G2), 0.9106, -1.9012);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void aParameterWithoutGradientIsLeftAlone(DType dtype) {
    Tensor withGrad = param(dtype, 1, -2);
    Tensor without = param(dtype, 3, 4);
    SGD sgd = new SGD(List.of(withGrad, without), new SGD.Spec(0.1).withMomentum(0.9));
    setGrad(withGrad, G1);
    sgd.step();
    sgd.step();
    assertThat(without.toDoubleArray()).containsExactly(3, 4);
    assertThat(sgd.exportState().scalars()).containsEntry("0/step", 2.0).containsEntry("1/step", 0.0);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void zeroGradClearsEveryGradientInPlace(DType dtype) {
    Tensor p = param(dtype, 1, -2);
    SGD sgd = new SGD(List.of(p), new SGD.Spec(0.1));
    setGrad(p, G1);
    Tensor grad = p.grad();
    sgd.zeroGrad();
    assertThat(p.grad()).isSameAs(grad);
    assertThat(grad.toDoubleArray()).containsExactly(0, 0);
  }

  @Test
  void learningRateCanBeChangedBetweenSteps() {
    Tensor p = param(DType.FLOAT64, 1, -2);
    SGD sgd = new SGD(List.of(p), new SGD.Spec(0.1));
    sgd.setLearningRate(0.5);
    setGrad(p, G1);
    sgd.step();
    assertThat(sgd.learningRate()).isEqualTo(0.5);
    assertThat(sgd.spec().lr()).isEqualTo(0.5);
    assertThat(p.toDoubleArray()).containsExactly(0.75, -1.5);
  }

  @Test
  void nesterovWithoutMomentumIsRejected() {
    assertThatThrownBy(() -> new SGD.Spec(0.1).withNesterov(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Nesterov momentum needs momentum > 0");
    assertThatThrownBy(() -> new SGD.Spec(0.1, 0.9, 0.1, 0, true))
        .hasMessageContaining("dampening 0");
  }

  @Test
  void aGradientOfAnotherSizeIsRejectedWithTheParameterName() {
    Tensor p = param(DType.FLOAT32, 1, -2);
    SGD sgd = new SGD(Map.of("dense.weight", p), new SGD.Spec(0.1));
    TensorData.setGrad(p, Tensor.zeros(3));
    assertThatThrownBy(sgd::step)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("parameter 'dense.weight' is float32 with 2 elements")
        .hasMessageContaining("gradient is float32 with 3");
  }
}
