package dev.backprop.bench;

import java.util.List;

/** Summary statistics of repeated measurements. */
final class Stats {
  private Stats() {}

  /** The median; the mean of the two middle values for an even count, as Python's statistics.median. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("median of no values");
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }
}
