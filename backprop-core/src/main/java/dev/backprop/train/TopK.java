package dev.backprop.train;

/** Top-k accuracy: the fraction of rows whose true class is among the k highest scores. */
public final class TopK {
  private TopK() {}

  /**
   * @param scores row-major [rows, classes] scores or probabilities
   * @param labels the true class of each row
   * @param k how many of the highest scores count as a hit; ties are broken by the lower index
   */
  public static double accuracy(float[] scores, int[] labels, int classes, int k) {
    if (k < 1 || classes < 1 || scores.length != labels.length * classes) {
      throw new IllegalArgumentException(
          "top-k: " + scores.length + " scores for " + labels.length + " labels in " + classes
              + " classes with k = " + k);
    }
    int hits = 0;
    for (int i = 0; i < labels.length; i++) {
      float own = scores[i * classes + labels[i]];
      int better = 0;
      for (int c = 0; c < classes; c++) {
        float s = scores[i * classes + c];
        if (s > own || (s == own && c < labels[i])) {
          better++;
        }
      }
      if (better < k) {
        hits++;
      }
    }
    return labels.length == 0 ? 0 : (double) hits / labels.length;
  }
}
