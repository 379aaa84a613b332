package dev.backprop.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Forward values against hand-computed results, including special points. */
class ForwardValuesTest {
  private static final double[] X = {-2, -0.5, 0, 0.5, 2};

  private static double[] apply(java.util.function.UnaryOperator<Tensor> op) {
    return op.apply(Tensor.of(X, 5)).toDoubleArray();
  }

  @Test
  void activationsAtSpecialPoints() {
    assertThat(apply(Tensor::relu)).containsExactly(0, 0, 0, 0.5, 2);
    assertThat(apply(t -> t.leakyRelu(0.1))).containsExactly(new double[] {-0.2, -0.05, 0, 0.5, 2}, within(1e-15));
    assertThat(apply(Tensor::sigmoid)[2]).isEqualTo(0.5);
    assertThat(apply(Tensor::sigmoid)[4]).isCloseTo(0.8807970779778823, within(1e-15));
    assertThat(apply(Tensor::tanh)[0]).isCloseTo(-0.9640275800758169, within(1e-15));
    assertThat(apply(t -> t.elu(1))[0]).isCloseTo(Math.exp(-2) - 1, within(1e-15));
    assertThat(apply(Tensor::gelu)[2]).isEqualTo(0.0);
    assertThat(apply(Tensor::gelu)[4]).isCloseTo(1.9545976940, within(1e-9));
    assertThat(apply(Tensor::softplus)[2]).isCloseTo(Math.log(2), within(1e-15));
    assertThat(apply(t -> t.clamp(-1, 1))).containsExactly(-1, -0.5, 0, 0.5, 1);
    assertThat(apply(Tensor::abs)).containsExactly(2, 0.5, 0, 0.5, 2);
  }

  @Test
  void sigmoidAndSoftplusStayFiniteForExtremeInputs() {
    Tensor big = Tensor.of(new double[] {-1000, 1000}, 2);
    assertThat(big.sigmoid().toDoubleArray()).containsExactly(0, 1);
    assertThat(big.softplus().toDoubleArray()).containsExactly(0, 1000);
    assertThat(Tensor.of(new float[] {-1000, 1000}, 2).softplus().toFloatArray()).containsExactly(0f, 1000f);
  }

  @Test
  void softmaxIsStableForLargeLogitsAndSumsToOne() {
    Tensor s = Tensor.of(new double[] {1000, 1001, 1002}, 1, 3).softmax(1);
    double e = Math.exp(1);
    double z = 1 + e + e * e;
    assertThat(s.toDoubleArray()).containsExactly(new double[] {1 / z, e / z, e * e / z}, within(1e-15));
    Tensor ls = Tensor.of(new float[] {-1000, 0, 1000}, 3, 1).logSoftmax(0);
    assertThat(ls.toFloatArray()).containsExactly(-2000f, -1000f, 0f);
  }

  @Test
  void reductionsOverAxesWithAndWithoutKeepDims() {
    Tensor t = Tensor.arange(24).reshape(2, 3, 4).toFloat64();
    assertThat(t.sum().item()).isEqualTo(276.0);
    assertThat(t.sum(new int[] {0, 2}, false).toDoubleArray()).containsExactly(60, 92, 124);
    assertThat(t.sum(new int[] {1}, true).shape()).containsExactly(2, 1, 4);
    assertThat(t.mean(new int[] {-1}, false).toDoubleArray()).containsExactly(1.5, 5.5, 9.5, 13.5, 17.5, 21.5);
    assertThat(t.max(new int[] {0, 1}, false).toDoubleArray()).containsExactly(20, 21, 22, 23);
    assertThat(t.argmax(1, false).toDoubleArray()).containsOnly(2.0);
    assertThat(t.argmax()).isEqualTo(23);
    assertThat(Tensor.of(new float[] {1, 5, 5, 0, -1, 2}, 2, 3).argmaxRows()).containsExactly(1, 2);
  }

  @Test
  void shapeOperations() {
    Tensor t = Tensor.arange(6).reshape(2, 3);
    assertThat(t.transpose().toFloatArray()).containsExactly(0, 3, 1, 4, 2, 5);
    assertThat(t.reshape(3, -1).shape()).containsExactly(3, 2);
    Tensor p = Tensor.arange(24).reshape(2, 3, 4).permute(2, 0, 1);
    assertThat(p.shape()).containsExactly(4, 2, 3);
    assertThat(p.toFloatArray()[1]).isEqualTo(4f);
    assertThat(Tensor.of(new float[] {1, 2}, 2, 1).expand(2, 3).toFloatArray()).containsExactly(1, 1, 1, 2, 2, 2);
    assertThat(t.slice(1, 2).toFloatArray()).containsExactly(3, 4, 5);
    assertThat(Tensor.concat(1, t, t.slice(0, 2)).toFloatArray()).containsExactly(0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5);
    assertThat(Tensor.concat(0, t, t).shape()).containsExactly(4, 3);
  }

  @Test
  void creationAndConversion() {
    assertThat(Tensor.zeros(2, 2).toFloatArray()).containsOnly(0f);
    assertThat(Tensor.full(DType.FLOAT64, 2.5, 3).toDoubleArray()).containsExactly(2.5, 2.5, 2.5);
    assertThat(Tensor.arange(1, 2, 0.25).toFloatArray()).containsExactly(1f, 1.25f, 1.5f, 1.75f);
    Tensor r1 = Tensor.randn(new java.util.SplittableRandom(9), 100);
    Tensor r2 = Tensor.randn(new java.util.SplittableRandom(9), 100);
    assertThat(r1.toFloatArray()).containsExactly(r2.toFloatArray());
    double[] uniform = Tensor.rand(new java.util.SplittableRandom(2), 1000).toDoubleArray();
    assertThat(java.util.Arrays.stream(uniform).min().getAsDouble()).isGreaterThanOrEqualTo(0.0);
    assertThat(java.util.Arrays.stream(uniform).max().getAsDouble()).isLessThan(1.0);
    assertThat(Tensor.of(new double[] {0.1}, 1).toFloat32().dtype()).isEqualTo(DType.FLOAT32);
    assertThat(Tensor.of(new double[] {0.1}, 1).toFloat32().toFloat64().item()).isEqualTo((double) 0.1f);
  }

  @Test
  void matmulOfSmallMatrices() {
    Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor b = Tensor.of(new double[] {7, 8, 9, 10, 11, 12}, 3, 2);
    assertThat(a.matmul(b).toDoubleArray()).containsExactly(58, 64, 139, 154);
    assertThat(Tensor.linear(a, b.transpose(), Tensor.of(new double[] {1, -1}, 2)).toDoubleArray())
        .containsExactly(59, 63, 140, 153);
    Tensor batch = Tensor.concat(0, a.reshape(1, 2, 3), a.mul(2).reshape(1, 2, 3));
    assertThat(batch.matmul(b).toDoubleArray()).containsExactly(58, 64, 139, 154, 116, 128, 278, 308);
  }

  @Test
  void lossesByHand() {
    Tensor p = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
    Tensor t = Tensor.of(new double[] {0, 2, 5, 4}, 2, 2);
    assertThat(Losses.mse(p, t).item()).isEqualTo(5.0 / 4);
    assertThat(Losses.halfSumSquaredError(p, t).item()).isEqualTo(0.5 * 5 / 2);
    Tensor z = Tensor.of(new double[] {0, 2}, 2);
    Tensor y = Tensor.of(new double[] {1, 0}, 2);
    double expected = (Math.log(2) + (2 + Math.log1p(Math.exp(-2)))) / 2;
    assertThat(Losses.binaryCrossEntropyWithLogits(z, y).item()).isCloseTo(expected, within(1e-15));
  }
}
