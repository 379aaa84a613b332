package dev.backprop.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A per-column affine transform x' = (x − offset_j) / scale_j, fitted on training data only and
 * re-applied unchanged to validation, test and prediction data. Its fitted state is two plain
 * arrays ({@link #offsets()}, {@link #scales()}) that a model file can store and
 * {@link #of(Method, float[], float[])} can restore.
 *
 * <p>A constant column (zero spread) gets scale 1, so it maps to 0 under standardization and
 * min-max instead of dividing by zero.
 */
public final class Scaler {
  /** How the offsets and scales are chosen. */
  public enum Method {
    /** offset = mean μ_j, scale = population standard deviation σ_j: mean 0, std 1 after. */
    STANDARDIZE,
    /** offset = min_j, scale = max_j − min_j: training values land in [0, 1]. */
    MIN_MAX,
    /** offset = 0, scale = 1: values pass through unchanged. */
    NONE
  }

  private final Method method;
  private final float[] offsets;
  private final float[] scales;

  private Scaler(Method method, float[] offsets, float[] scales) {
    this.method = method;
    this.offsets = offsets;
    this.scales = scales;
  }

  /**
   * Fits a scaler to the feature columns of a training set.
   *
   * @param method how to choose offsets and scales
   * @param train the training rows (never validation or test rows)
   * @return the fitted scaler
   */
  public static Scaler fit(Method method, Dataset train) {
    return fit(method, train.featureArray(), train.featureCount());
  }

  /**
   * Fits a scaler to the columns of a row-major matrix, for example regression targets.
   *
   * @param method how to choose offsets and scales
   * @param values n × columns values, row-major
   * @param columns the number of columns (≥ 1)
   * @return the fitted scaler
   */
  public static Scaler fit(Method method, float[] values, int columns) {
    Objects.requireNonNull(method, "method");
    int rows = checkShape(values, columns);
    float[] offsets = new float[columns];
    float[] scales = new float[columns];
    Arrays.fill(scales, 1f);
    if (method == Method.NONE || rows == 0) {
      return new Scaler(method, offsets, scales);
    }
    for (int j = 0; j < columns; j++) {
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < rows; i++) {
        double x = values[i * columns + j];
        sum += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      double mean = sum / rows;
      double squares = 0;
      for (int i = 0; i < rows; i++) {
        double deviation = values[i * columns + j] - mean;
        squares += deviation * deviation;
      }
      double std = Math.sqrt(squares / rows);
      boolean standardize = method == Method.STANDARDIZE;
      offsets[j] = (float) (standardize ? mean : min);
      scales[j] = nonZero(standardize ? std : max - min);
    }
    return new Scaler(method, offsets, scales);
  }

  /**
   * Restores a scaler from stored parameters.
   *
   * @param method the method it was fitted with (kept for reports)
   * @param offsets one finite offset per column
   * @param scales one finite, positive scale per column
   * @return the scaler
   */
  public static Scaler of(Method method, float[] offsets, float[] scales) {
    Objects.requireNonNull(method, "method");
    if (offsets.length != scales.length || offsets.length == 0) {
      throw new IllegalArgumentException(
          offsets.length + " offsets and " + scales.length + " scales; need the same number ≥ 1");
    }
    for (int j = 0; j < offsets.length; j++) {
      if (!Float.isFinite(offsets[j]) || !(scales[j] > 0) || !Float.isFinite(scales[j])) {
        throw new IllegalArgumentException(
            "column " + j + ": offset " + offsets[j] + ", scale " + scales[j]);
      }
    }
    return new Scaler(method, offsets.clone(), scales.clone());
  }

  /** @return the method the scaler was fitted with */
  public Method method() {
    return method;
  }

  /** @return a copy of the per-column offsets */
  public float[] offsets() {
    return offsets.clone();
  }

  /** @return a copy of the per-column scales (all positive) */
  public float[] scales() {
    return scales.clone();
  }

  /**
   * Applies the transform to a data set's features; the target is unchanged.
   *
   * @param data rows with as many feature columns as the scaler was fitted on
   * @return a new data set with scaled features
   */
  public Dataset transform(Dataset data) {
    if (data.featureCount() != offsets.length) {
      throw new IllegalArgumentException(data.name() + " has " + data.featureCount()
          + " features; the scaler was fitted on " + offsets.length);
    }
    return data.withFeatureValues(transform(data.featureArray()));
  }

  /**
   * Applies x' = (x − offset_j) / scale_j to a row-major matrix.
   *
   * @param values n × columns values
   * @return a new array with the scaled values
   */
  public float[] transform(float[] values) {
    int columns = offsets.length;
    int rows = checkShape(values, columns);
    float[] scaled = new float[values.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        scaled[i * columns + j] = (values[i * columns + j] - offsets[j]) / scales[j];
      }
    }
    return scaled;
  }

  /**
   * Undoes the transform, x = x' · scale_j + offset_j, for example to report regression outputs
   * in the target's own units.
   *
   * @param scaled n × columns scaled values
   * @return a new array in the original units
   */
  public float[] inverse(float[] scaled) {
    int columns = offsets.length;
    int rows = checkShape(scaled, columns);
    float[] values = new float[scaled.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        values[i * columns + j] = scaled[i * columns + j] * scales[j] + offsets[j];
      }
    }
    return values;
  }

  private static float nonZero(double spread) {
    float scale = (float) spread;
    return scale > 0 && Float.isFinite(scale) ? scale : 1f;
  }

  private static int checkShape(float[] values, int columns) {
    if (columns < 1 || values.length % columns != 0) {
      throw new IllegalArgumentException(
          values.length + " values do not fill rows of " + columns + " columns");
    }
    return values.length / columns;
  }
}
