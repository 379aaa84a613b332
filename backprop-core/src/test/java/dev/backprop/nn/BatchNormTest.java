package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.backprop.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BatchNorm against values worked by hand with PyTorch's BatchNorm1d semantics. */
class BatchNormTest {
  // Feature 0: 1, 3, 5 (mean 3); feature 1: 2, 6, 4 (mean 4). Both: biased variance 8/3, unbiased 4.
  private static final Tensor X = Tensor.of(new double[] {1, 2, 3, 6, 5, 4}, 3, 2);
  private static final double EPS = 1e-5;

  private static BatchNorm layer() {
    BatchNorm bn = (BatchNorm) new BatchNorm(2).toFloat64();
    bn.loadState(Map.of(
        "weight", Tensor.of(new double[] {2, 0.5}, 2),
        "bias", Tensor.of(new double[] {1, -1}, 2),
        "running_mean", Tensor.of(new double[] {0, 0}, 2),
        "running_var", Tensor.of(new double[] {1, 1}, 2)));
    return bn;
  }

  @Test
  void trainingNormalizesWithTheBiasedBatchVariance() {
    double[] y = layer().forward(X).toDoubleArray();
    double s = Math.sqrt(8.0 / 3 + EPS);
    assertThat(y).usingComparatorWithPrecision(1e-12).containsExactly(
        2 * (1 - 3) / s + 1, 0.5 * (2 - 4) / s - 1,
        2 * (3 - 3) / s + 1, 0.5 * (6 - 4) / s - 1,
        2 * (5 - 3) / s + 1, 0.5 * (4 - 4) / s - 1);
  }

  @Test
  void runningStatisticsMoveByMomentumTowardsTheMeanAndUnbiasedVariance() {
    BatchNorm bn = layer();
    bn.forward(X);
    assertThat(bn.runningMean().toDoubleArray()).usingComparatorWithPrecision(1e-15).containsExactly(0.3, 0.4);
    assertThat(bn.runningVar().toDoubleArray()).usingComparatorWithPrecision(1e-15).containsExactly(1.3, 1.3);
    bn.forward(X.mul(2));
    // Second batch: means 6 and 8, unbiased variances 16.
    assertThat(bn.runningMean().toDoubleArray()).usingComparatorWithPrecision(1e-14)
        .containsExactly(0.9 * 0.3 + 0.6, 0.9 * 0.4 + 0.8);
    assertThat(bn.runningVar().toDoubleArray()).usingComparatorWithPrecision(1e-14)
        .containsExactly(0.9 * 1.3 + 1.6, 0.9 * 1.3 + 1.6);
  }

  @Test
  void evaluationUsesTheRunningStatisticsAndChangesNothing() {
    BatchNorm bn = layer();
    bn.forward(X);
    bn.eval();
    double[] meanBefore = bn.runningMean().toDoubleArray();
    double[] varBefore = bn.runningVar().toDoubleArray();
    double[] y = bn.forward(Tensor.of(new double[] {1, 2}, 1, 2)).toDoubleArray();
    assertThat(y[0]).isCloseTo(2 * (1 - 0.3) / Math.sqrt(1.3 + EPS) + 1, offset(1e-12));
    assertThat(y[1]).isCloseTo(0.5 * (2 - 0.4) / Math.sqrt(1.3 + EPS) - 1, offset(1e-12));
    assertThat(bn.runningMean().toDoubleArray()).containsExactly(meanBefore);
    assertThat(bn.runningVar().toDoubleArray()).containsExactly(varBefore);
  }

  @Test
  void trainingOnASingleExampleIsRejectedAsPyTorchDoes() {
    BatchNorm bn = new BatchNorm(2);
    assertThatThrownBy(() -> bn.forward(Tensor.ones(1, 2)))
        .hasMessageContaining("more than one example per batch");
    assertThat(bn.eval().forward(Tensor.ones(1, 2)).shape()).containsExactly(1, 2);
  }

  @Test
  void defaultsAreThoseOfPyTorch() {
    BatchNorm bn = new BatchNorm(3);
    assertThat(bn.spec()).isEqualTo(new BatchNormSpec(3, 1e-5, 0.1, true));
    assertThat(bn.weight().toFloatArray()).containsOnly(1f);
    assertThat(bn.bias().toFloatArray()).containsOnly(0f);
    assertThat(bn.runningMean().toFloatArray()).containsOnly(0f);
    assertThat(bn.runningVar().toFloatArray()).containsOnly(1f);
    BatchNorm plain = new BatchNorm(new BatchNormSpec(3, 1e-3, 0.2, false));
    assertThat(plain.namedParameters()).isEmpty();
    assertThat(plain.namedBuffers().keySet()).containsExactly("running_mean", "running_var");
  }

  @Test
  void wrongWidthOrSettingsAreRejected() {
    assertThatThrownBy(() -> new BatchNorm(2).forward(Tensor.ones(4, 3)))
        .hasMessageContaining("expected input [batch, 2], got [4, 3]");
    assertThatThrownBy(() -> new BatchNormSpec(2, 0, 0.1, true)).hasMessageContaining("eps must be positive");
    assertThatThrownBy(() -> new BatchNormSpec(2, 1e-5, 1.1, true)).hasMessageContaining("momentum must be in [0, 1]");
  }
}
