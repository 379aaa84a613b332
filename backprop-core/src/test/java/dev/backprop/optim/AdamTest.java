package dev.backprop.optim;

import static dev.backprop.optim.Fixtures.param;
import static dev.backprop.optim.Fixtures.setGrad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Adam's and AdamW's first steps against hand arithmetic, from θ = (1, −2) with η = 0.1, β1 = 0.9,
 * β2 = 0.999, ε = 1e-8 and gradients g1 = (0.5, −1), g2 = (0.2, 0.4).
 *
 * <p>Step 1: m = 0.1·g1, v = 0.001·g1², so m/(1 − 0.9) = g1 and √(v/(1 − 0.999)) = |g1|: each
 * weight moves by η·g/(|g| + ε) ≈ η·sign(g), whatever the gradient's size.
 *
 * <p>Step 2: m = 0.9·(0.05, −0.1) + 0.1·(0.2, 0.4) = (0.065, −0.05); v = 0.999·(0.00025, 0.001) +
 * 0.001·(0.04, 0.16) = (0.00028975, 0.001159); the corrections are 1 − 0.9² = 0.19 and 1 − 0.999²
 * = 0.001999. So the step is 0.1·(0.065/0.19)/√(0.00028975/0.001999) = 0.1·0.342105/0.380720 =
 * 0.0898574 for the first weight and 0.1·(−0.05/0.19)/√(0.001159/0.001999) = −0.1·0.263158/0.761439
 * = −0.0345606 for the second.
 */
class AdamTest {
  private static final double[] G1 = {0.5, -1};
  private static final double[] G2 = {0.2, 0.4};

  private static Tensor run(DType dtype, Function<List<Tensor>, Optimizer> make, double[]... grads) {
    Tensor p = param(dtype, 1, -2);
    Optimizer opt = make.apply(List.of(p));
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
  void firstStepMovesEachWeightByTheLearningRateTowardsMinusTheGradientSign(DType dtype) {
    Tensor p = run(dtype, ps -> new Adam(ps, new Adam.Spec(0.1)), G1);
    // 1 − 0.1·0.5/(0.5 + 1e-8) and −2 + 0.1·1/(1 + 1e-8)
    assertValues(p, 1 - 0.1 * 0.5 / (0.5 + 1e-8), -2 + 0.1 / (1 + 1e-8));
    assertThat(p.toDoubleArray()[0]).isCloseTo(0.9, within(1e-6));
    // The size of the gradient does not matter at step 1: 1000× the gradient, the same step.
    Tensor big = run(dtype, ps -> new Adam(ps, new Adam.Spec(0.1)), new double[] {500, -1000});
    assertThat(big.toDoubleArray()).containsExactly(p.toDoubleArray(), within(1e-6));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void secondStepFollowsTheBiasCorrectedMoments(DType dtype) {
    Tensor p = run(dtype, ps -> new Adam(ps, new Adam.Spec(0.1)), G1, G2);
    double first = 1 - 0.1 * 0.5 / (0.5 + 1e-8);
    double second = -2 + 0.1 / (1 + 1e-8);
    assertValues(
        p,
        first - 0.1 * (0.065 / 0.19) / (Math.sqrt(0.00028975) / Math.sqrt(0.001999) + 1e-8),
        second - 0.1 * (-0.05 / 0.19) / (Math.sqrt(0.001159) / Math.sqrt(0.001999) + 1e-8));
    assertThat(p.toDoubleArray()).containsExactly(new double[] {0.9 - 0.0898574, -1.9 + 0.0345606}, within(1e-6));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void epsIsAddedToTheBiasCorrectedRoot(DType dtype) {
    // ε = 0.5: step 1 moves by η·g/(|g| + ε) = 0.1·(0.5/1, 1/1.5)
    Tensor p = run(dtype, ps -> new Adam(ps, new Adam.Spec(0.1).withEps(0.5)), G1);
    assertValues(p, 0.95, -2 + 0.1 / 1.5);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void l2WeightDecayEntersTheMomentsAndIsNormalizedAway(DType dtype) {
    // g = g1 + 0.1·θ = (0.6, −1.2): step 1 still moves by ≈ η·sign(g).
    Adam.Spec spec = new Adam.Spec(0.1).withWeightDecay(0.1);
    assertValues(run(dtype, ps -> new Adam(ps, spec), G1), 1 - 0.1 * 0.6 / (0.6 + 1e-8), -2 + 0.1 * 1.2 / (1.2 + 1e-8));
    // Step 2: g = (0.2, 0.4) + 0.1·θ1 with θ1 ≈ (0.9, −1.9), so g ≈ (0.29, 0.21);
    // m = 0.9·(0.06, −0.12) + 0.1·g, v = 0.999·(0.00036, 0.00144) + 0.001·g².
    double t0 = 1 - 0.1 * 0.6 / (0.6 + 1e-8);
    double t1 = -2 + 0.1 * 1.2 / (1.2 + 1e-8);
    double g0 = 0.2 + 0.1 * t0;
    double g1 = 0.4 + 0.1 * t1;
    double m0 = 0.9 * 0.06 + 0.1 * g0;
    double m1 = 0.9 * -0.12 + 0.1 * g1;
    double v0 = 0.999 * 0.00036 + 0.001 * g0 * g0;
    double v1 = 0.999 * 0.00144 + 0.001 * g1 * g1;
    assertValues(
        run(dtype, ps -> new Adam(ps, spec), G1, G2),
        t0 - 0.1 * (m0 / 0.19) / (Math.sqrt(v0 / 0.001999) + 1e-8),
        t1 - 0.1 * (m1 / 0.19) / (Math.sqrt(v1 / 0.001999) + 1e-8));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void amsgradDividesByTheLargestSecondMomentSoFar(DType dtype) {
    // A tiny g2 = (0.01, 0.01) lowers v: v2 = 0.999·(0.00025, 0.001) + 0.001·0.0001 =
    // (0.00024985, 0.0009991) < v1, so AMSGrad keeps v1 = (0.00025, 0.001) in the denominator.
    double[] small = {0.01, 0.01};
    Adam.Spec spec = new Adam.Spec(0.1).withAmsgrad(true);
    double first = 1 - 0.1 * 0.5 / (0.5 + 1e-8);
    double second = -2 + 0.1 / (1 + 1e-8);
    double m0 = 0.9 * 0.05 + 0.1 * 0.01;
    double m1 = 0.9 * -0.1 + 0.1 * 0.01;
    Tensor ams = run(dtype, ps -> new Adam(ps, spec), G1, small);
    assertValues(
        ams,
        first - 0.1 * (m0 / 0.19) / (Math.sqrt(0.00025 / 0.001999) + 1e-8),
        second - 0.1 * (m1 / 0.19) / (Math.sqrt(0.001 / 0.001999) + 1e-8));
    Tensor plain = run(dtype, ps -> new Adam(ps, new Adam.Spec(0.1)), G1, small);
    assertValues(
        plain,
        first - 0.1 * (m0 / 0.19) / (Math.sqrt(0.00024985 / 0.001999) + 1e-8),
        second - 0.1 * (m1 / 0.19) / (Math.sqrt(0.0009991 / 0.001999) + 1e-8));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void adamwShrinksTheWeightsBeforeTheAdamStep(DType dtype) {
    AdamW.Spec spec = new AdamW.Spec(0.1).withWeightDecay(0.1);
    // θ·(1 − 0.1·0.1) = (0.99, −1.98), then the Adam step of g1 (the decay is not in g):
    // (0.99 − 0.1·0.5/(0.5 + 1e-8), −1.98 + 0.1/(1 + 1e-8)) ≈ (0.89, −1.88)
    double t0 = 0.99 - 0.1 * 0.5 / (0.5 + 1e-8);
    double t1 = -1.98 + 0.1 / (1 + 1e-8);
    assertValues(run(dtype, ps -> new AdamW(ps, spec), G1), t0, t1);
    // Step 2: shrink by 0.99 again, then the same moments as plain Adam's step 2.
    assertValues(
        run(dtype, ps -> new AdamW(ps, spec), G1, G2),
        t0 * 0.99 - 0.1 * (0.065 / 0.19) / (Math.sqrt(0.00028975 / 0.001999) + 1e-8),
        t1 * 0.99 - 0.1 * (-0.05 / 0.19) / (Math.sqrt(0.001159 / 0.001999) + 1e-8));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void adamwWithoutDecayIsAdam(DType dtype) {
    Tensor adam = run(dtype, ps -> new Adam(ps, new Adam.Spec(0.1)), G1, G2, G1);
    Tensor adamw = run(dtype, ps -> new AdamW(ps, new AdamW.Spec(0.1).withWeightDecay(0)), G1, G2, G1);
    assertThat(adamw.toDoubleArray()).containsExactly(adam.toDoubleArray());
  }

  @Test
  void defaultsAreTorchDefaults() {
    assertThat(new Adam.Spec(1e-3)).isEqualTo(new Adam.Spec(1e-3, 0.9, 0.999, 1e-8, 0, false));
    assertThat(new AdamW.Spec(1e-3)).isEqualTo(new AdamW.Spec(1e-3, 0.9, 0.999, 1e-8, 0.01, false));
  }
}
