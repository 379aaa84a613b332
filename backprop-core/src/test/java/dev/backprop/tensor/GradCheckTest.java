package dev.backprop.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GradCheckTest {

  @Test
  void aWrongGradientFailsAndIsReportedWhereItIsWorst() {
    // f(x) = Σ x ⊙ detach(x): backpropagation sees df/dx = x, finite differences 2x.
    Tensor x = Tensor.of(new double[] {0.5, -3, 1}, 3);

    GradCheck.Result result = GradCheck.check(in -> in[0].mul(in[0].detach()).sum(), x);

    assertThat(result.passed()).isFalse();
    assertThat(result.element()).isEqualTo(1);
    assertThat(result.analytic()).isEqualTo(-3, within(1e-12));
    assertThat(result.numeric()).isEqualTo(-6, within(1e-6));
    assertThat(result.comparisons()).isEqualTo(3);
  }

  @Test
  void amongPassingComparisonsTheWorstIsTheLargestShareOfItsToleranceNotAnExactZero() {
    // f(x) = x₀ · 0 + exp(x₁): the gradient of x₀ is exactly 0 in both ways; that of x₁ differs by
    // rounding, a small share of its tolerance, but a real one.
    Tensor x = Tensor.of(new double[] {0.7, 2.0}, 2);

    GradCheck.Result result = GradCheck.check(
        in -> in[0].mul(Tensor.of(new double[] {0, 1}, 2)).exp().mul(Tensor.of(new double[] {0, 1}, 2)).sum(), x);

    assertThat(result.passed()).isTrue();
    assertThat(result.element()).isEqualTo(1);
    assertThat(result.analytic()).isEqualTo(Math.exp(2), within(1e-12));
    assertThat(result.absoluteError()).isPositive().isLessThan(1e-5);
  }
}
