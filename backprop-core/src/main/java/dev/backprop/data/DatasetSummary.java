package dev.backprop.data;

import java.util.List;
import java.util.Locale;

/** The target part of {@link Dataset#describe()}: class counts, or target statistics. */
final class DatasetSummary {
  /** Past this many classes the summary lists the first ones and how many more there are. */
  private static final int LISTED_CLASSES = 12;

  private DatasetSummary() {}

  static String classes(List<String> classNames, int[] counts) {
    StringBuilder text = new StringBuilder("classification, ").append(classNames.size())
        .append(classNames.size() == 1 ? " class: " : " classes: ");
    int listed = Math.min(LISTED_CLASSES, classNames.size());
    for (int k = 0; k < listed; k++) {
      text.append(k == 0 ? "" : ", ").append(classNames.get(k)).append(' ').append(counts[k]);
    }
    if (listed < classNames.size()) {
      text.append(", … and ").append(classNames.size() - listed).append(" more");
    }
    return text.toString();
  }

  static String targets(List<String> targetNames, float[] targets) {
    StringBuilder text = new StringBuilder("regression");
    int width = targetNames.size();
    for (int j = 0; j < width; j++) {
      double sum = 0;
      double sumOfSquares = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      int rows = targets.length / width;
      for (int i = 0; i < rows; i++) {
        double value = targets[i * width + j];
        sum += value;
        sumOfSquares += value * value;
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      double mean = rows == 0 ? 0 : sum / rows;
      double std = rows == 0 ? 0 : Math.sqrt(Math.max(0, sumOfSquares / rows - mean * mean));
      text.append(j == 0 ? " on " : ", ").append(targetNames.get(j)).append(String.format(
          Locale.ROOT, " (mean %.4g, std %.4g, range %.4g to %.4g)", mean, std, min, max));
    }
    return text.toString();
  }
}
