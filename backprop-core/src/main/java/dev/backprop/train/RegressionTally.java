package dev.backprop.train;

import dev.backprop.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loss and error sums of regression batches. R² needs each output's total sum of squares around
 * its mean, which a single pass gets from Σ(y − K) and Σ(y − K)² with K the output's first target:
 * shifting by a typical value keeps the subtraction SS = Σ(y − K)² − (Σ(y − K))²/n accurate.
 */
final class RegressionTally implements Tally {
  /** Per output: shift K, Σ(y − K), Σ(y − K)², Σ(p − y)², Σ|p − y|. */
  private static final int SUMS = 5;

  private final int outputs;
  private final double[] sums;
  private double lossSum;
  private double count;

  RegressionTally(int outputs) {
    this.outputs = outputs;
    this.sums = new double[outputs * SUMS];
  }

  @Override
  public void add(Tensor predictions, BatchTargets batch, double loss) {
    double[] p = predictions.toDoubleArray();
    double[] y = batch.values().toDoubleArray();
    int rows = batch.size();
    for (int j = 0; j < outputs; j++) {
      int s = j * SUMS;
      if (count == 0) {
        sums[s] = y[j];
      }
      for (int i = 0; i < rows; i++) {
        double target = y[i * outputs + j];
        double shifted = target - sums[s];
        double error = p[i * outputs + j] - target;
        sums[s + 1] += shifted;
        sums[s + 2] += shifted * shifted;
        sums[s + 3] += error * error;
        sums[s + 4] += Math.abs(error);
      }
    }
    lossSum += loss * rows;
    count += rows;
  }

  @Override
  public Map<String, Double> metrics() {
    double squared = 0;
    double absolute = 0;
    double r2 = 0;
    for (int j = 0; j < outputs; j++) {
      int s = j * SUMS;
      squared += sums[s + 3];
      absolute += sums[s + 4];
      double total = Math.max(0, sums[s + 2] - sums[s + 1] * sums[s + 1] / count);
      // As scikit-learn: a constant target scores 1 when predicted exactly, else 0.
      r2 += total == 0 ? (sums[s + 3] == 0 ? 1 : 0) : 1 - sums[s + 3] / total;
    }
    double n = count * outputs;
    Map<String, Double> out = new LinkedHashMap<>();
    out.put(MetricNames.LOSS, lossSum / count);
    out.put(MetricNames.MSE, squared / n);
    out.put(MetricNames.RMSE, Math.sqrt(squared / n));
    out.put(MetricNames.MAE, absolute / n);
    out.put(MetricNames.R2, r2 / outputs);
    return out;
  }

  @Override
  public ConfusionMatrix confusion() {
    return null;
  }

  @Override
  public Map<String, double[]> export() {
    Map<String, double[]> out = new LinkedHashMap<>();
    out.put("loss", new double[] {lossSum, count});
    out.put("errors", sums.clone());
    return out;
  }

  @Override
  public void restore(Map<String, double[]> saved) {
    Tally.checkSums(saved, "loss", 2, "errors", outputs * SUMS);
    System.arraycopy(saved.get("errors"), 0, sums, 0, sums.length);
    lossSum = saved.get("loss")[0];
    count = saved.get("loss")[1];
  }
}
