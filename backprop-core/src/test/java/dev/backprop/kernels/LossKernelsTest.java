package dev.backprop.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class LossKernelsTest {
  private static final float EPS = 1e-7f;

  @Test
  void softmaxCrossEntropyOfTwoRowsMatchesTheHandDerivation() {
    // Row 0: softmax(0, 0) = (½, ½), label 0: −ln ½ = ln 2.
    // Row 1: softmax(ln 3, 0) = (¾, ¼), label 1: −ln ¼ = ln 4. Mean: 1.5·ln 2.
    float[] z = {0, 0, (float) Math.log(3), 0};
    int[] labels = {9, 0, 1};
    float[] dz = new float[4];
    double loss = LossKernels.softmaxCrossEntropy(z, 2, 2, labels, 1, dz);
    assertThat(loss).isCloseTo(1.5 * Math.log(2), offset(1e-7));
    // (softmax − onehot) / 2.
    assertThat(dz).containsExactly(new float[] {-0.25f, 0.25f, 0.375f, -0.375f}, offset(EPS));
  }

  @Test
  void softmaxCrossEntropyStaysFiniteForHugeLogits() {
    float[] z = {1000, 0, -1000};
    float[] dz = new float[3];
    assertThat(LossKernels.softmaxCrossEntropy(z, 1, 3, new int[] {0}, 0, dz)).isEqualTo(0.0);
    assertThat(dz).containsExactly(0f, 0f, 0f);
    assertThat(LossKernels.softmaxCrossEntropy(z, 1, 3, new int[] {1}, 0, dz)).isCloseTo(1000, offset(1e-9));
    assertThat(dz).containsExactly(1f, -1f, 0f);
  }

  @Test
  void softmaxCrossEntropyNamesALabelOutsideTheClassesAndWritesNothing() {
    float[] dz = {7, 7, 7, 7};
    assertThatThrownBy(() -> LossKernels.softmaxCrossEntropy(new float[4], 2, 2, new int[] {1, 2}, 0, dz))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cross-entropy: label 2 at row 1 is outside [0, 2)");
    assertThat(dz).containsExactly(7, 7, 7, 7);
  }

  @Test
  void squaredErrorIsTheScaledSumOfSquaresWithItsGradient() {
    // ½·((1 − 0)² + (2 − 4)²) = 2.5; ∂/∂p = 2·½·(p − t) = (1, −2).
    float[] dp = new float[2];
    double loss = LossKernels.squaredError(new float[] {1, 2}, new float[] {5, 0, 4}, 1, 2, 0.5, dp);
    assertThat(loss).isEqualTo(2.5);
    assertThat(dp).containsExactly(1f, -2f);
  }

  @Test
  void binaryCrossEntropyWithLogitsMatchesTheHandDerivation() {
    // z = 0: −ln σ(0) = ln 2 for y = 1 and y = 0; z = −100, y = 1: ≈ 100; z = 100, y = 1: ≈ 0.
    float[] z = {0, 0, -100, 100};
    float[] y = {1, 0, 1, 1};
    float[] dz = new float[4];
    double loss = LossKernels.binaryCrossEntropyWithLogits(z, y, 0, 4, dz);
    assertThat(loss).isCloseTo((2 * Math.log(2) + 100) / 4, offset(1e-9));
    // (σ(z) − y) / 4.
    assertThat(dz).containsExactly(new float[] {-0.125f, 0.125f, -0.25f, 0f}, offset(EPS));
  }
}
