package dev.backprop.train;

/** The smallest and largest value of each feature of some examples. */
final class FeatureRanges {
  private final double[] min;
  private final double[] max;

  private FeatureRanges(double[] min, double[] max) {
    this.min = min;
    this.max = max;
  }

  static FeatureRanges of(Examples examples) {
    int d = examples.featureCount();
    double[] values = examples.features().toDoubleArray();
    double[] min = new double[d];
    double[] max = new double[d];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < values.length; i++) {
      int j = i % d;
      min[j] = Math.min(min[j], values[i]);
      max[j] = Math.max(max[j], values[i]);
    }
    return new FeatureRanges(min, max);
  }

  int columns() {
    return min.length;
  }

  double min(int column) {
    return min[column];
  }

  double max(int column) {
    return max[column];
  }

  /** The largest magnitude in the column. */
  double magnitude(int column) {
    return Math.max(Math.abs(min[column]), Math.abs(max[column]));
  }
}
