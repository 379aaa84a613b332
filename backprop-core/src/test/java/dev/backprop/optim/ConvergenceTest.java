package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer, in each variant and dtype, drives the convex quadratic L(θ) = ½·Σ aᵢ(θᵢ − cᵢ)²
 * (curvatures a from 0.25 to 4, so the problem is ill-conditioned 16:1) from θ = 0 to its minimum
 * θ = c, with gradients from autograd.
 */
class ConvergenceTest {
  private static final double[] CURVATURE = {1, 4, 0.25, 2};
  private static final double[] TARGET = {1, -2, 3, 0.5};

  static List<Arguments> cases() {
    List<OptimizerSpec> specs = List.of(
        new SGD.Spec(0.2),
        new SGD.Spec(0.05).withMomentum(0.9),
        new SGD.Spec(0.05).withMomentum(0.9).withNesterov(true),
        new Adam.Spec(0.1),
        new Adam.Spec(0.1).withAmsgrad(true),
        new AdamW.Spec(0.1).withWeightDecay(0),
        new RMSProp.Spec(0.01),
        new RMSProp.Spec(0.01).withMomentum(0.5).withCentered(true),
        new Adagrad.Spec(1));
    List<Arguments> cases = new ArrayList<>();
    for (OptimizerSpec spec : specs) {
      for (DType dtype : Fixtures.DTYPES) {
        cases.add(Arguments.of(spec, dtype));
      }
    }
    return cases;
  }

  private static double loss(Tensor theta, Tensor a, Tensor c) {
    return theta.sub(c).pow(2).mul(a).sum().mul(0.5).item();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void lossOfAConvexQuadraticGoesToZero(OptimizerSpec spec, DType dtype) {
    Tensor theta = Fixtures.param(dtype, 0, 0, 0, 0);
    Tensor a = Fixtures.param(dtype, CURVATURE).detach();
    Tensor c = Fixtures.param(dtype, TARGET).detach();
    Optimizer opt = spec.create(Map.of("theta", theta));
    double initial = loss(theta, a, c);
    for (int step = 0; step < 1000; step++) {
      opt.zeroGrad();
      theta.sub(c).pow(2).mul(a).sum().mul(0.5).backward();
      opt.step();
    }
    double last = loss(theta, a, c);
    assertThat(last).isLessThan(1e-10 * initial);
  }
}
