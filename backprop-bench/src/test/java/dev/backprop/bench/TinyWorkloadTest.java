package dev.backprop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TinyWorkloadTest {
  @Test
  void targetsAreOneExactlyWhenOneCoordinateExceedsOneHalf() {
    float[][] data = TinyWorkload.xorData(new SplittableRandom(5), 4000);
    int ones = 0;
    for (int i = 0; i < 4000; i++) {
      float x = data[0][2 * i];
      float y = data[0][2 * i + 1];
      assertThat(x).isBetween(0f, 1f);
      assertThat(y).isBetween(0f, 1f);
      assertThat(data[1][i]).isEqualTo((x > 0.5f ^ y > 0.5f) ? 1f : 0f);
      ones += (int) data[1][i];
    }
    assertThat(ones).isBetween(1800, 2200);
  }

  @Test
  void aStepSubtractsLearningRateTimesTheGradientFromEveryParameter() {
    TinyWorkload stepped = new TinyWorkload(11);
    TinyWorkload reference = new TinyWorkload(11);
    reference.batchLoss(0).backward();
    stepped.step();
    Tensor[] after = stepped.parameters();
    Tensor[] before = reference.parameters();
    for (int p = 0; p < after.length; p++) {
      float[] theta = TensorData.floats(before[p]);
      float[] grad = TensorData.floats(before[p].grad());
      float[] expected = new float[theta.length];
      for (int k = 0; k < theta.length; k++) {
        expected[k] = theta[k] - TinyWorkload.LEARNING_RATE * grad[k];
      }
      assertThat(TensorData.floats(after[p])).as("parameter %d", p).containsExactly(expected);
      assertThat(TensorData.floats(after[p])).as("parameter %d moved", p).isNotEqualTo(theta);
    }
  }

  @Test
  void aStepLowersTheLossOfItsBatchAndLeavesNoGradientBehind() {
    TinyWorkload tiny = new TinyWorkload(3);
    double before = tiny.batchLoss(0).item();
    tiny.step();
    assertThat(tiny.batchLoss(0).item()).isLessThan(before);
    for (Tensor p : tiny.parameters()) {
      assertThat(TensorData.floats(p.grad())).containsOnly(0f);
    }
  }
}
