package dev.backprop.train;

import dev.backprop.tensor.Tensor;
import java.util.Map;

/**
 * Running sums of one epoch's (or one evaluation's) metrics, batch by batch. The sums are plain
 * numbers so that a checkpoint taken in the middle of an epoch can carry them ({@link #export()},
 * {@link #restore}) and the resumed epoch reports exactly what an uninterrupted one would.
 */
interface Tally {
  /**
   * Adds one batch.
   *
   * @param outputs the network's outputs after the output activation, [b, outputs]
   * @param batch the batch's targets
   * @param loss the batch's mean loss
   */
  void add(Tensor outputs, BatchTargets batch, double loss);

  /** The metrics so far, by the names of {@link MetricNames}, in their order. */
  Map<String, Double> metrics();

  /** The confusion matrix so far; null for regression. */
  ConfusionMatrix confusion();

  /** The sums, as named arrays of doubles (counts are exact in a double up to 2^53). */
  Map<String, double[]> export();

  /**
   * Replaces the sums with exported ones.
   *
   * @throws IllegalArgumentException if an array is missing, unexpected or of the wrong length
   */
  void restore(Map<String, double[]> sums);

  /** A new tally for these examples. */
  static Tally of(Examples examples, int topK) {
    return examples.isClassification()
        ? new ClassificationTally(examples.classes(), topK)
        : new RegressionTally(examples.targetCount());
  }

  /** Checks that {@code sums} holds exactly arrays of these names and lengths (name, length, ...). */
  static void checkSums(Map<String, double[]> sums, Object... namesAndLengths) {
    if (sums.size() != namesAndLengths.length / 2) {
      throw new IllegalArgumentException(
          "epoch progress: expected sums " + java.util.Arrays.toString(namesAndLengths) + ", got " + sums.keySet());
    }
    for (int i = 0; i < namesAndLengths.length; i += 2) {
      double[] a = sums.get((String) namesAndLengths[i]);
      int length = (Integer) namesAndLengths[i + 1];
      if (a == null || a.length != length) {
        throw new IllegalArgumentException("epoch progress: '" + namesAndLengths[i] + "' must hold " + length
            + " numbers, got " + (a == null ? "none" : a.length));
      }
    }
  }
}
