package dev.backprop.tensor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

  @Test
  void matmulNamesBothShapesAndTheInnerDimensions() {
    assertThatThrownBy(() -> Tensor.zeros(128, 784).matmul(Tensor.zeros(256, 128)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("matmul: [128, 784] x [256, 128]: inner dimensions 784 and 256 differ");
  }

  @Test
  void broadcastFailureNamesTheOpAndBothShapes() {
    assertThatThrownBy(() -> Tensor.zeros(2, 3).add(Tensor.zeros(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("add: shapes [2, 3] and [4] cannot be broadcast");
  }

  @Test
  void mixingDtypesIsAnError() {
    assertThatThrownBy(() -> Tensor.zeros(2).mul(Tensor.zeros(DType.FLOAT64, 2)))
        .hasMessageContaining("mul: dtypes float32 and float64 differ");
  }

  @Test
  void badShapesAreNamed() {
    assertThatThrownBy(() -> Tensor.of(new float[] {1, 2, 3}, 2, 2))
        .hasMessageContaining("3 values cannot fill shape [2, 2]");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).reshape(4, -1))
        .hasMessageContaining("cannot reshape [2, 3] (6 elements) to [4, -1]");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).sum(new int[] {2}, false))
        .hasMessageContaining("sum: axis 2 is out of range for a tensor of rank 2");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).slice(1, 5))
        .hasMessageContaining("slice: rows [1, 5) are out of range for shape [2, 3]");
    assertThatThrownBy(() -> Tensor.zeros(2, 3).expand(3, 3))
        .hasMessageContaining("expand");
  }

  @Test
  void lossesCheckLabelsAndShapes() {
    assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(2, 3), new int[] {0, 3}))
        .hasMessageContaining("label 3 at row 1 is outside [0, 3)");
    assertThatThrownBy(() -> Losses.crossEntropy(Tensor.zeros(2, 3), new int[] {0}))
        .hasMessageContaining("1 labels for logits of shape [2, 3]");
    assertThatThrownBy(() -> Losses.mse(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
        .hasMessageContaining("mse: predictions [2, 3] and targets [3, 2] differ in shape");
  }

  @Test
  void gradCheckNeedsFloat64() {
    assertThatThrownBy(() -> GradCheck.check(x -> x[0].sum(), Tensor.zeros(2)))
        .hasMessageContaining("input 0 is float32; finite differences need float64");
  }
}
