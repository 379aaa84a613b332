package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The running sums of an epoch agree with the metrics computed from all examples at once. */
class TallyTest {
  private static BatchTargets regressionBatch(float[] y, int outputs) {
    Tensor t = Tensor.of(y, y.length / outputs, outputs);
    return new BatchTargets(null, t, t);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void regressionSumsGiveTheMetricsOfAllBatchesTogetherEvenFarFromZero(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int outputs = 1 + rng.nextInt(3);
    int rows = 50 + rng.nextInt(200);
    float[] p = new float[rows * outputs];
    float[] y = new float[rows * outputs];
    double offset = rng.nextBoolean() ? 1e4 : 0;
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (offset + rng.nextGaussian());
      p[i] = (float) (y[i] + 0.3 * rng.nextGaussian());
    }
    RegressionTally tally = new RegressionTally(outputs);
    for (int start = 0; start < rows; start += 32) {
      int end = Math.min(rows, start + 32);
      float[] pb = java.util.Arrays.copyOfRange(p, start * outputs, end * outputs);
      float[] yb = java.util.Arrays.copyOfRange(y, start * outputs, end * outputs);
      tally.add(Tensor.of(pb, end - start, outputs), regressionBatch(yb, outputs), 0.5);
    }
    RegressionMetrics all = RegressionMetrics.of(p, y, outputs);
    Map<String, Double> m = tally.metrics();

    assertThat(m.get("loss")).isCloseTo(0.5, within(1e-15));
    assertThat(m.get("mse")).isCloseTo(all.mse(), within(1e-6 * all.mse()));
    assertThat(m.get("rmse")).isCloseTo(all.rmse(), within(1e-6 * all.rmse()));
    assertThat(m.get("mae")).isCloseTo(all.mae(), within(1e-6 * all.mae()));
    assertThat(m.get("r2")).isCloseTo(all.r2(), within(1e-6));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void classificationSumsGiveTheConfusionMatrixAndTopKOfAllBatches(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int classes = 6;
    int rows = 97;
    float[] scores = new float[rows * classes];
    int[] labels = new int[rows];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = (float) rng.nextDouble();
    }
    for (int i = 0; i < rows; i++) {
      labels[i] = rng.nextInt(classes);
    }
    ClassificationTally tally = new ClassificationTally(classes, 3);
    for (int start = 0; start < rows; start += 20) {
      int end = Math.min(rows, start + 20);
      float[] s = java.util.Arrays.copyOfRange(scores, start * classes, end * classes);
      int[] l = java.util.Arrays.copyOfRange(labels, start, end);
      tally.add(Tensor.of(s, end - start, classes), new BatchTargets(l, null, null), 1.0);
    }
    int[] predicted = Tensor.of(scores, rows, classes).argmaxRows();
    ConfusionMatrix expected = ConfusionMatrix.of(labels, predicted, classes);

    assertThat(tally.confusion()).isEqualTo(expected);
    assertThat(tally.metrics().get("accuracy")).isEqualTo(expected.accuracy());
    assertThat(tally.metrics().get("macro_f1")).isEqualTo(expected.macroF1());
    assertThat(tally.metrics().get("top3_accuracy")).isEqualTo(TopK.accuracy(scores, labels, classes, 3));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void exportedSumsRestoredIntoANewTallyContinueExactly(boolean classification) {
    SplittableRandom rng = new SplittableRandom(9);
    Tally first = classification ? new ClassificationTally(3, 2) : new RegressionTally(3);
    Tally second = classification ? new ClassificationTally(3, 2) : new RegressionTally(3);
    Tensor[] outputs = new Tensor[4];
    BatchTargets[] targets = new BatchTargets[4];
    for (int b = 0; b < 4; b++) {
      outputs[b] = Tensor.rand(rng, 8, 3);
      int[] labels = rng.ints(8, 0, 3).toArray();
      targets[b] = classification ? new BatchTargets(labels, null, null) : regressionBatch(Tensor.rand(rng, 8, 3).toFloatArray(), 3);
    }
    for (int b = 0; b < 4; b++) {
      first.add(outputs[b], targets[b], b);
    }
    second.add(outputs[0], targets[0], 0);
    second.add(outputs[1], targets[1], 1);
    Tally restored = classification ? new ClassificationTally(3, 2) : new RegressionTally(3);
    restored.restore(second.export());
    restored.add(outputs[2], targets[2], 2);
    restored.add(outputs[3], targets[3], 3);

    assertThat(restored.metrics()).isEqualTo(first.metrics());
  }
}
