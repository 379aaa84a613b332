package dev.backprop.optim;

import static dev.backprop.optim.Fixtures.param;
import static dev.backprop.optim.Fixtures.setGrad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clipping by global norm and by value. The main case has a float32 gradient (3, 4), a float64
 * gradient (12) and a parameter without gradient: the global norm is √(9 + 16 + 144) = 13.
 */
class GradClipTest {
  private final Tensor a = param(DType.FLOAT32, 0, 0);
  private final Tensor b = param(DType.FLOAT64, 0);
  private final Tensor none = param(DType.FLOAT32, 0);
  private final List<Tensor> params = List.of(a, b, none);

  GradClipTest() {
    setGrad(a, 3, 4);
    setGrad(b, 12);
  }

  @Test
  void normIsTheL2NormOfAllGradientsTogether() {
    assertThat(GradClip.gradNorm(params)).isEqualTo(13.0);
  }

  @Test
  void clippingByNormScalesAllGradientsByMaxNormOverNormAndReturnsTheNormBefore() {
    double norm = GradClip.clipGradNorm(params, 6.5);
    assertThat(norm).isEqualTo(13.0);
    // coefficient = 6.5 / (13 + 1e-6) = 0.49999996...
    double c = 6.5 / (13 + 1e-6);
    assertThat(a.grad().toDoubleArray()).containsExactly(new double[] {3 * c, 4 * c}, within(1e-6));
    assertThat(b.grad().toDoubleArray()).containsExactly(new double[] {12 * c}, within(1e-12));
    assertThat(GradClip.gradNorm(params)).isCloseTo(6.5, within(1e-5));
    assertThat(none.grad()).isNull();
  }

  @Test
  void gradientsWithinTheNormAreLeftExactlyAsTheyWere() {
    assertThat(GradClip.clipGradNorm(params, 13.5)).isEqualTo(13.0);
    assertThat(a.grad().toDoubleArray()).containsExactly(3, 4);
    assertThat(b.grad().toDoubleArray()).containsExactly(12);
  }

  @Test
  void aNonFiniteNormIsReturnedAndTheGradientsAreLeftUntouched() {
    setGrad(b, Double.NaN);
    assertThat(GradClip.clipGradNorm(params, 1)).isNaN();
    assertThat(a.grad().toDoubleArray()).containsExactly(3, 4);
    setGrad(b, Double.POSITIVE_INFINITY);
    assertThat(GradClip.clipGradNorm(params, 1)).isInfinite();
    assertThat(a.grad().toDoubleArray()).containsExactly(3, 4);
  }

  @Test
  void aNonFiniteNormThrowsWhenAskedTo() {
    setGrad(a, 3, Double.NEGATIVE_INFINITY);
    assertThatThrownBy(() -> GradClip.clipGradNorm(params, 1, true))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("total gradient norm is Infinity");
  }

  @Test
  void hugeFloat64GradientsStillHaveAFiniteNorm() {
    // (3e200)² overflows a double; rescaled by the largest magnitude, the norm is 5e200.
    setGrad(a, 0, 0);
    setGrad(b, 0);
    Tensor big = param(DType.FLOAT64, 0, 0);
    setGrad(big, 3e200, -4e200);
    List<Tensor> all = List.of(a, big);
    assertThat(GradClip.clipGradNorm(all, 1)).isCloseTo(5e200, within(1e188));
    assertThat(big.grad().toDoubleArray()).containsExactly(new double[] {0.6, -0.8}, within(1e-12));
  }

  @Test
  void clippingByValueClampsEachElementAndKeepsNaN() {
    Tensor c = param(DType.FLOAT32, 0, 0, 0, 0);
    Tensor d = param(DType.FLOAT64, 0, 0);
    setGrad(c, -3, 0.5, 2, Double.NaN);
    setGrad(d, -0.25, 7);
    GradClip.clipGradValue(List.of(c, d, none), 1);
    assertThat(c.grad().toDoubleArray()).containsExactly(-1, 0.5, 1, Double.NaN);
    assertThat(d.grad().toDoubleArray()).containsExactly(-0.25, 1);
  }

  @Test
  void negativeOrNonFiniteLimitsAreRejected() {
    assertThatThrownBy(() -> GradClip.clipGradNorm(params, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clipGradNorm: maxNorm must be a finite number >= 0, got -1.0");
    assertThatThrownBy(() -> GradClip.clipGradValue(params, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clipGradValue: clipValue must be a finite number >= 0, got NaN");
  }
}
