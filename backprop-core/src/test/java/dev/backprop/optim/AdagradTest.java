package dev.backprop.optim;

import static dev.backprop.optim.Fixtures.param;
import static dev.backprop.optim.Fixtures.setGrad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Adagrad's first steps against hand arithmetic, from θ = (1, −2) with η = 0.1, ε = 1e-10 and
 * gradients g1 = (0.5, −1), g2 = (0.2, 0.4).
 *
 * <p>Step 1: s = g1² = (0.25, 1), √s = (0.5, 1), so θ moves by η·g/|g| = 0.1 per weight. Step 2:
 * s = (0.29, 1.16), √s = (0.5385165, 1.0770330), g2/√s = (0.3713907, 0.3713907).
 */
class AdagradTest {
  private static final double[] G1 = {0.5, -1};
  private static final double[] G2 = {0.2, 0.4};

  private static Tensor run(DType dtype, Adagrad.Spec spec, double[]... grads) {
    Tensor p = param(dtype, 1, -2);
    Adagrad opt = new Adagrad(List.of(p), spec);
    for (double[] g : grads) {
      setGrad(p, g);
      opt.step();
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
  void stepsShrinkWithTheSumOfSquaredGradients(DType dtype) {
    Adagrad.Spec spec = new Adagrad.Spec(0.1);
    double t0 = 1 - 0.1 * 0.5 / (0.5 + 1e-10);
    double t1 = -2 + 0.1 * 1 / (1 + 1e-10);
    assertValues(run(dtype, spec, G1), t0, t1);
    assertValues(
        run(dtype, spec, G1, G2),
        t0 - 0.1 * 0.2 / (Math.sqrt(0.29) + 1e-10),
        t1 - 0.1 * 0.4 / (Math.sqrt(1.16) + 1e-10));
    assertThat(run(dtype, spec, G1, G2).toDoubleArray())
        .containsExactly(new double[] {0.86286093, -1.93713907}, within(1e-6));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void lrDecayDividesTheRateByOnePlusDecayTimesPastSteps(DType dtype) {
    // Step 1 uses η/(1 + 0·0.5) = 0.1, step 2 uses η/(1 + 1·0.5) = 0.0666667.
    Adagrad.Spec spec = new Adagrad.Spec(0.1).withLrDecay(0.5);
    assertValues(
        run(dtype, spec, G1, G2),
        1 - 0.1 * 0.5 / (0.5 + 1e-10) - (0.1 / 1.5) * 0.2 / (Math.sqrt(0.29) + 1e-10),
        -2 + 0.1 * 1 / (1 + 1e-10) - (0.1 / 1.5) * 0.4 / (Math.sqrt(1.16) + 1e-10));
    assertThat(run(dtype, spec, G1, G2).toDoubleArray())
        .containsExactly(new double[] {0.8752406, -1.9247594}, within(1e-6));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void theAccumulatorStartsFromItsInitialValue(DType dtype) {
    // s1 = 0.75 + g1² = (1, 1.75): θ moves by 0.1·(0.5/1, 1/1.3228757) = (0.05, 0.0755929)
    Adagrad.Spec spec = new Adagrad.Spec(0.1).withInitialAccumulatorValue(0.75);
    assertValues(
        run(dtype, spec, G1),
        1 - 0.1 * 0.5 / (1 + 1e-10),
        -2 + 0.1 * 1 / (Math.sqrt(1.75) + 1e-10));
    assertThat(run(dtype, spec, G1).toDoubleArray())
        .containsExactly(new double[] {0.95, -1.9244071}, within(1e-6));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void weightDecayAddsLambdaThetaToTheGradient(DType dtype) {
    // g = (0.5, −1) + 0.5·(1, −2) = (1, −2): s = (1, 4), θ moves by 0.1 per weight again.
    Adagrad.Spec spec = new Adagrad.Spec(0.1).withWeightDecay(0.5);
    assertValues(run(dtype, spec, G1), 1 - 0.1 / (1 + 1e-10), -2 + 0.1 * 2 / (2 + 1e-10));
  }
}
