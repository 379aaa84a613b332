package dev.backprop.kernels;

/**
 * Losses and their gradients in one pass over a batch of network outputs: each returns the loss
 * (in double precision) and writes ∂L/∂(outputs) into an output array. They evaluate every term as
 * the tensor package's fused losses do, so the two agree to the last bit.
 */
public final class LossKernels {
  private LossKernels() {}

  /**
   * Cross-entropy of softmax(z) against class indices, averaged over the rows: L = −(1/N) Σ_n ln
   * softmax(z_n)[y_n], and ∂L/∂z = (softmax(z) − onehot(y)) / N. NOTE: the row maximum is
   * subtracted before exponentiating, so no e^z overflows.
   *
   * @param z logits [rows, classes], row-major from index 0
   * @param labels the class of row n at {@code labels[labelsFrom + n]}
   * @param dz receives ∂L/∂z [rows, classes]; may be z itself
   * @throws IllegalArgumentException naming the first label outside [0, classes); nothing is
   *     written then
   */
  public static double softmaxCrossEntropy(float[] z, int rows, int classes, int[] labels,
      int labelsFrom, float[] dz) {
    for (int n = 0; n < rows; n++) {
      int label = labels[labelsFrom + n];
      if (label < 0 || label >= classes) {
        throw new IllegalArgumentException(
            "cross-entropy: label " + label + " at row " + n + " is outside [0, " + classes + ")");
      }
    }
    float scale = (float) (1.0 / rows);
    double total = 0;
    for (int n = 0; n < rows; n++) {
      int at = n * classes;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, z[at + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(z[at + c] - max);
      }
      double logSum = Math.log(sum);
      int target = at + labels[labelsFrom + n];
      total -= (float) (z[target] - max - logSum);
      for (int c = 0; c < classes; c++) {
        float logp = (float) (z[at + c] - max - logSum);
        float p = (float) Math.exp(logp);
        dz[at + c] = (at + c == target ? (float) (p - 1.0) : p) * scale;
      }
    }
    return total / rows;
  }

  /**
   * scale · Σ_i (p_i − t_i)², with ∂L/∂p = 2·scale·(p − t): the mean squared error for scale =
   * 1/count, the derivations' ½·Σ over outputs averaged over the batch for scale = 1/(2·rows).
   *
   * @param p predictions, {@code count} of them from index 0
   * @param t targets, from index {@code targetsFrom}
   * @param dp receives ∂L/∂p; may be p itself
   */
  public static double squaredError(float[] p, float[] t, int targetsFrom, int count,
      double scale, float[] dp) {
    float twiceScale = (float) (2 * scale);
    double sum = 0;
    for (int i = 0; i < count; i++) {
      float diff = p[i] - t[targetsFrom + i];
      sum += (double) diff * diff;
      dp[i] = diff * twiceScale;
    }
    return sum * scale;
  }

  /**
   * Binary cross-entropy of σ(z) against targets y in [0, 1], averaged over all elements: L =
   * mean(max(z, 0) − z·y + ln(1 + e^−|z|)), and ∂L/∂z = (σ(z) − y) / count. NOTE: the stable form
   * never takes the log of a rounded σ(z).
   *
   * @param z logits, {@code count} of them from index 0
   * @param y targets, from index {@code targetsFrom}
   * @param dz receives ∂L/∂z; may be z itself
   */
  public static double binaryCrossEntropyWithLogits(float[] z, float[] y, int targetsFrom,
      int count, float[] dz) {
    float scale = (float) (1.0 / count);
    double total = 0;
    for (int i = 0; i < count; i++) {
      double zi = z[i];
      float yi = y[targetsFrom + i];
      total += Math.max(zi, 0) - zi * yi + Math.log1p(Math.exp(-Math.abs(zi)));
      dz[i] = ((float) ActivationKernel.sigmoid(zi) - yi) * scale;
    }
    return total / count;
  }
}
