package dev.backprop.train;

import dev.backprop.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Loss, confusion counts and top-k hits of classification batches. */
final class ClassificationTally implements Tally {
  private final int classes;
  private final int topK;
  private final int[][] confusion;
  private double lossSum;
  private double count;
  private double topKHits;

  ClassificationTally(int classes, int topK) {
    this.classes = classes;
    this.topK = topK;
    this.confusion = new int[classes][classes];
  }

  @Override
  public void add(Tensor outputs, BatchTargets batch, double loss) {
    int[] labels = batch.labels();
    int[] predicted = Outputs.classes(outputs);
    for (int i = 0; i < labels.length; i++) {
      confusion[labels[i]][predicted[i]]++;
    }
    if (topK > 0) {
      topKHits += Math.round(TopK.accuracy(outputs.toFloatArray(), labels, classes, topK) * labels.length);
    }
    lossSum += loss * labels.length;
    count += labels.length;
  }

  @Override
  public Map<String, Double> metrics() {
    ConfusionMatrix m = confusion();
    Map<String, Double> out = new LinkedHashMap<>();
    out.put(MetricNames.LOSS, lossSum / count);
    out.put(MetricNames.ACCURACY, m.accuracy());
    if (topK > 0) {
      out.put(MetricNames.topK(topK), count == 0 ? 0 : topKHits / count);
    }
    out.put(MetricNames.MACRO_PRECISION, m.macroPrecision());
    out.put(MetricNames.MACRO_RECALL, m.macroRecall());
    out.put(MetricNames.MACRO_F1, m.macroF1());
    return out;
  }

  @Override
  public ConfusionMatrix confusion() {
    return ConfusionMatrix.ofCounts(confusion);
  }

  @Override
  public Map<String, double[]> export() {
    double[] counts = new double[classes * classes];
    for (int i = 0; i < classes; i++) {
      for (int j = 0; j < classes; j++) {
        counts[i * classes + j] = confusion[i][j];
      }
    }
    Map<String, double[]> sums = new LinkedHashMap<>();
    sums.put("loss", new double[] {lossSum, count});
    sums.put("confusion", counts);
    sums.put("top_k_hits", new double[] {topKHits});
    return sums;
  }

  @Override
  public void restore(Map<String, double[]> sums) {
    Tally.checkSums(sums, "loss", 2, "confusion", classes * classes, "top_k_hits", 1);
    double[] counts = sums.get("confusion");
    for (double c : counts) {
      if (!(c >= 0 && c <= Integer.MAX_VALUE && c == Math.rint(c))) {
        throw new IllegalArgumentException("epoch progress: a confusion count must be a whole number >= 0, got " + c);
      }
    }
    for (int i = 0; i < classes; i++) {
      for (int j = 0; j < classes; j++) {
        confusion[i][j] = (int) counts[i * classes + j];
      }
    }
    lossSum = sums.get("loss")[0];
    count = sums.get("loss")[1];
    topKHits = sums.get("top_k_hits")[0];
  }
}
