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
 * RMSProp's first steps against hand arithmetic, from θ = (1, −2) with η = 0.01, α = 0.99,
 * ε = 1e-8 and gradients g1 = (0.5, −1), g2 = (0.2, 0.4).
 *
 * <p>Step 1: v = 0.01·g1² = (0.0025, 0.01), √v = (0.05, 0.1), so g/(√v + ε) ≈ (10, −10) and θ moves
 * by ≈ η·10 = 0.1. Step 2: v = 0.99·v1 + 0.01·g2² = (0.002875, 0.0115), and g2/√v =
 * (0.2/0.0536190, 0.4/0.1072381) = (3.730018, 3.730018).
 */
class RMSPropTest {
  private static final double[] G1 = {0.5, -1};
  private static final double[] G2 = {0.2, 0.4};

  private static Tensor run(DType dtype, RMSProp.Spec spec, double[]... grads) {
    Tensor p = param(dtype, 1, -2);
    RMSProp opt = new RMSProp(List.of(p), spec);
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
  void stepsDivideByTheRootOfTheSquaredGradientAverage(DType dtype) {
    RMSProp.Spec spec = new RMSProp.Spec(0.01);
    double t0 = 1 - 0.01 * 0.5 / (0.05 + 1e-8);
    double t1 = -2 + 0.01 * 1 / (0.1 + 1e-8);
    assertValues(run(dtype, spec, G1), t0, t1);
    assertThat(run(dtype, spec, G1).toDoubleArray()).containsExactly(new double[] {0.9, -1.9}, within(1e-6));
    assertValues(
        run(dtype, spec, G1, G2),
        t0 - 0.01 * 0.2 / (Math.sqrt(0.002875) + 1e-8),
        t1 - 0.01 * 0.4 / (Math.sqrt(0.0115) + 1e-8));
    assertThat(run(dtype, spec, G1, G2).toDoubleArray())
        .containsExactly(new double[] {0.9 - 0.0373002, -1.9 - 0.0373002}, within(1e-6));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void momentumAccumulatesTheNormalizedGradients(DType dtype) {
    RMSProp.Spec spec = new RMSProp.Spec(0.01).withMomentum(0.9);
    // b1 = g1/(√v1 + ε) ≈ (10, −10); b2 = 0.9·b1 + g2/(√v2 + ε) ≈ (12.730018, −5.269982)
    double b0 = 0.5 / (0.05 + 1e-8);
    double b1 = -1 / (0.1 + 1e-8);
    double t0 = 1 - 0.01 * b0;
    double t1 = -2 - 0.01 * b1;
    assertValues(run(dtype, spec, G1), t0, t1);
    assertValues(
        run(dtype, spec, G1, G2),
        t0 - 0.01 * (0.9 * b0 + 0.2 / (Math.sqrt(0.002875) + 1e-8)),
        t1 - 0.01 * (0.9 * b1 + 0.4 / (Math.sqrt(0.0115) + 1e-8)));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void centeredSubtractsTheSquaredMeanGradient(DType dtype) {
    RMSProp.Spec spec = new RMSProp.Spec(0.01).withCentered(true);
    // ḡ1 = 0.01·g1 = (0.005, −0.01); ṽ = v1 − ḡ1² = (0.002475, 0.0099); √ṽ = (0.0497494, 0.0994987)
    // so θ moves by 0.01·(0.5/0.0497494, 1/0.0994987) = (0.1005038, 0.1005038).
    assertValues(
        run(dtype, spec, G1),
        1 - 0.01 * 0.5 / (Math.sqrt(0.002475) + 1e-8),
        -2 + 0.01 / (Math.sqrt(0.0099) + 1e-8));
    assertThat(run(dtype, spec, G1).toDoubleArray())
        .containsExactly(new double[] {1 - 0.1005038, -2 + 0.1005038}, within(1e-6));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void epsIsAddedAfterTheSquareRoot(DType dtype) {
    // ε = 0.05: g1/(√v1 + ε) = (0.5/0.1, −1/0.15), not g1/√(v1 + ε) = (0.5/0.2318, −1/0.2449)
    RMSProp.Spec spec = new RMSProp.Spec(0.01).withEps(0.05);
    assertValues(run(dtype, spec, G1), 1 - 0.01 * 5, -2 + 0.01 / 0.15);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void weightDecayAddsLambdaThetaToTheGradient(DType dtype) {
    // g = (0.5, −1) + 0.5·(1, −2) = (1, −2); v = 0.01·g² = (0.01, 0.04); g/√v = (10, −10)
    RMSProp.Spec spec = new RMSProp.Spec(0.01).withWeightDecay(0.5);
    assertValues(run(dtype, spec, G1), 1 - 0.01 * 1 / (0.1 + 1e-8), -2 + 0.01 * 2 / (0.2 + 1e-8));
  }
}
