package dev.backprop.train;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs, and the classification metrics derived from them.
 * Rows are true classes, columns predicted classes, as scikit-learn prints it.
 */
public final class ConfusionMatrix {
  private final int[][] counts;
  private final long total;

  private ConfusionMatrix(int[][] counts) {
    this.counts = counts;
    long n = 0;
    for (int[] row : counts) {
      for (int c : row) {
        n += c;
      }
    }
    this.total = n;
  }

  /**
   * Tallies predictions against true labels.
   *
   * @throws IllegalArgumentException if the arrays differ in length or a class is outside [0, classes)
   */
  public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          "confusion matrix: " + actual.length + " labels but " + predicted.length + " predictions");
    }
    int[][] counts = new int[classes][classes];
    for (int i = 0; i < actual.length; i++) {
      checkClass(actual[i], classes, "label", i);
      checkClass(predicted[i], classes, "prediction", i);
      counts[actual[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(counts);
  }

  /**
   * A matrix from its counts, [true class][predicted class], as {@link #counts()} gives them.
   *
   * @throws IllegalArgumentException if the counts are not square, or one is negative
   */
  public static ConfusionMatrix ofCounts(int[][] counts) {
    int[][] copy = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != counts.length) {
        throw new IllegalArgumentException(
            "confusion matrix: row " + i + " has " + counts[i].length + " counts, expected " + counts.length);
      }
      for (int j = 0; j < counts.length; j++) {
        if (counts[i][j] < 0) {
          throw new IllegalArgumentException(
              "confusion matrix: count [" + i + "][" + j + "] is negative: " + counts[i][j]);
        }
      }
      copy[i] = counts[i].clone();
    }
    return new ConfusionMatrix(copy);
  }

  private static void checkClass(int c, int classes, String what, int row) {
    if (c < 0 || c >= classes) {
      throw new IllegalArgumentException(
          "confusion matrix: " + what + " " + c + " at row " + row + " is outside [0, " + classes + ")");
    }
  }

  /** The number of classes. */
  public int classes() {
    return counts.length;
  }

  /** A copy of the counts: [true class][predicted class]. */
  public int[][] counts() {
    int[][] copy = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** The fraction of examples on the diagonal (0 when there are none). */
  public double accuracy() {
    long right = 0;
    for (int i = 0; i < counts.length; i++) {
      right += counts[i][i];
    }
    return total == 0 ? 0 : (double) right / total;
  }

  /** Precision of one class: TP / (TP + FP), 0 when it was never predicted (as scikit-learn's zero_division=0). */
  public double precision(int c) {
    long predicted = 0;
    for (int[] row : counts) {
      predicted += row[c];
    }
    return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
  }

  /** Recall of one class: TP / (TP + FN), 0 when the class never occurs. */
  public double recall(int c) {
    long actual = Arrays.stream(counts[c]).asLongStream().sum();
    return actual == 0 ? 0 : (double) counts[c][c] / actual;
  }

  /** F1 of one class: the harmonic mean of precision and recall (0 when both are 0). */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** The unweighted mean of per-class precision. */
  public double macroPrecision() {
    double s = 0;
    for (int c = 0; c < counts.length; c++) {
      s += precision(c);
    }
    return s / counts.length;
  }

  /** The unweighted mean of per-class recall. */
  public double macroRecall() {
    double s = 0;
    for (int c = 0; c < counts.length; c++) {
      s += recall(c);
    }
    return s / counts.length;
  }

  /** The unweighted mean of per-class F1, as scikit-learn's f1_score(average='macro'). */
  public double macroF1() {
    double s = 0;
    for (int c = 0; c < counts.length; c++) {
      s += f1(c);
    }
    return s / counts.length;
  }

  /** The total number of examples counted. */
  public long total() {
    return total;
  }

  /** Equal when the counts are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix m && Arrays.deepEquals(counts, m.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(counts);
  }

  /** The counts as a right-aligned table, one row per true class. */
  @Override
  public String toString() {
    int width = 1;
    for (int[] row : counts) {
      for (int c : row) {
        width = Math.max(width, Integer.toString(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int[] row : counts) {
      for (int j = 0; j < row.length; j++) {
        sb.append(j == 0 ? "" : " ").append(String.format("%" + width + "d", row[j]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
