package dev.backprop.data;

import java.util.HashSet;
import java.util.Set;

/** What a data set's target asks a model to do: predict a class, or predict real values. */
public enum Task {
  /** The target is one class out of a fixed list; a model outputs class probabilities. */
  CLASSIFICATION,
  /** The target is one or more real numbers; a model outputs those numbers. */
  REGRESSION;

  /** More distinct integer values than this make a numeric target a regression target. */
  public static final int MAX_INFERRED_CLASSES = 20;

  /**
   * Infers the task from a numeric target column. The rule: the target is a classification target
   * when every value is a whole number and the number of distinct values k satisfies k ≤ 2, or
   * k ≤ {@value #MAX_INFERRED_CLASSES} and k ≤ n/2 (each class seen at least twice on average).
   * Anything else (a fractional value, or many distinct values) is regression. A target holding
   * any non-numeric value is always classification; readers decide that before calling this.
   *
   * @param values the target values, one per row
   * @return the inferred task
   */
  public static Task infer(float[] values) {
    Set<Float> distinct = new HashSet<>();
    boolean wholeNumbers = true;
    for (float value : values) {
      wholeNumbers &= value == Math.rint(value);
      if (distinct.size() <= MAX_INFERRED_CLASSES) {
        distinct.add(value);
      }
    }
    return infer(wholeNumbers, distinct.size(), values.length);
  }

  static Task infer(boolean wholeNumbers, int distinctValues, int rows) {
    boolean fewClasses =
        distinctValues <= 2
            || (distinctValues <= MAX_INFERRED_CLASSES && 2L * distinctValues <= rows);
    return wholeNumbers && fewClasses ? CLASSIFICATION : REGRESSION;
  }
}
