package dev.backprop.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationKernelTest {

  /** f(z + b) of one element, with b = 0.25 added by the kernel. */
  private static float activate(ActivationKernel f, double z, double param) {
    float[] zs = {(float) (z - 0.25)};
    float[] h = new float[1];
    f.forward(zs, new float[] {0.25f}, h, 1, 1, param);
    return h[0];
  }

  @ParameterizedTest
  @CsvSource({
      // kernel, z, param, f(z): hand-computed
      "IDENTITY, -1.5, 0, -1.5",
      "RELU, -1.5, 0, 0",
      "RELU, 2.0, 0, 2.0",
      "LEAKY_RELU, -2.0, 0.1, -0.2",
      "LEAKY_RELU, 3.0, 0.1, 3.0",
      // α(e^−1 − 1) = 0.5·(0.36787944 − 1)
      "ELU, -1.0, 0.5, -0.31606028",
      "ELU, 1.5, 0.5, 1.5",
      // λ·1 and λ·α(e^−1 − 1) = 1.05070099·1.67326324·(−0.63212056)
      "SELU, 1.0, 0, 1.05070099",
      "SELU, -1.0, 0, -1.11133074",
      "SIGMOID, 0.0, 0, 0.5",
      // 1 / (1 + e^−2)
      "SIGMOID, 2.0, 0, 0.88079708",
      "SIGMOID, -2.0, 0, 0.11920292",
      "TANH, 0.5, 0, 0.46211716",
      // ½·1·(1 + tanh(√(2/π)·1.044715)) = ½(1 + tanh 0.83356144)
      "GELU, 1.0, 0, 0.84119199",
      "GELU, 0.0, 0, 0.0",
  })
  void forwardGivesTheHandComputedValues(ActivationKernel f, double z, double param, double expected) {
    assertThat((double) activate(f, z, param)).isCloseTo(expected, offset(2e-7 * Math.max(1, Math.abs(expected))));
  }

  @Test
  void sigmoidDoesNotOverflowForLargeInputs() {
    assertThat(activate(ActivationKernel.SIGMOID, -1000, 0)).isEqualTo(0f);
    assertThat(activate(ActivationKernel.SIGMOID, 1000, 0)).isEqualTo(1f);
  }

  @ParameterizedTest
  @EnumSource(ActivationKernel.class)
  void backwardMultipliesByTheDerivativeTheFiniteDifferenceGives(ActivationKernel f) {
    double param = f == ActivationKernel.LEAKY_RELU ? 0.2 : 0.7;
    double[] points = {-2.1, -0.6, -0.05, 0.3, 1.7};
    for (double z : points) {
      double h = 1e-2;
      double numeric = (activate(f, z + h, param) - activate(f, z - h, param)) / (2 * h);
      float[] zs = {(float) z};
      float[] out = {activate(f, z, param)};
      float[] g = {3f};
      f.backward(g, zs, out, 1, 1, param, null, null);
      assertThat((double) g[0]).as("%s at %s", f, z).isCloseTo(3 * numeric, offset(2e-3 * Math.max(1, Math.abs(numeric))));
    }
  }

  @ParameterizedTest
  @EnumSource(ActivationKernel.class)
  void forwardInPlaceEqualsForwardIntoAnotherArray(ActivationKernel f) {
    SplittableRandom rng = new SplittableRandom(f.ordinal());
    float[] z = new float[3 * 5];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) rng.nextDouble(-3, 3);
    }
    float[] bias = {0.5f, -0.25f, 0f, 1f, -2f};
    float[] inPlace = z.clone();
    f.forward(inPlace, bias, inPlace, 3, 5, 0.3);
    float[] kept = z.clone();
    float[] h = new float[z.length];
    f.forward(kept, bias, h, 3, 5, 0.3);
    assertThat(h).containsExactly(inPlace);
    if (f.backwardNeedsInput()) {
      for (int i = 0; i < z.length; i++) {
        assertThat(kept[i]).isEqualTo(z[i] + bias[i % 5]);
      }
    }
  }

  @Test
  void backwardAddsTheColumnSumsOfTheGradientToTheBiasGradient() {
    // ReLU outputs [[1, 0], [2, 3], [0, 4]]: the gradient passes where h > 0.
    float[] h = {1, 0, 2, 3, 0, 4};
    float[] g = {1, 2, 3, 4, 5, 6};
    float[] biasGrad = {10, 20};
    ActivationKernel.RELU.backward(g, null, h, 3, 2, 0, new float[2], biasGrad);
    assertThat(g).containsExactly(1, 0, 3, 4, 0, 6);
    assertThat(biasGrad).containsExactly(10 + 1 + 3, 20 + 4 + 6);
  }

  @Test
  void onlyTheFunctionsWhoseDerivativeIsNotAFunctionOfTheOutputKeepTheInput() {
    EnumSet<ActivationKernel> needing = EnumSet.noneOf(ActivationKernel.class);
    Arrays.stream(ActivationKernel.values()).filter(ActivationKernel::backwardNeedsInput).forEach(needing::add);
    assertThat(needing).containsExactlyInAnyOrder(
        ActivationKernel.LEAKY_RELU, ActivationKernel.ELU, ActivationKernel.SELU, ActivationKernel.GELU);
  }
}
