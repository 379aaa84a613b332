package dev.backprop.explain;

import java.util.Arrays;

/**
 * A small matrix of doubles in row-major order; vectors are columns (n × 1), as in the notes, and
 * a transposed vector hᵀ is a row (1 × n). Immutable: the values are copied in and out.
 *
 * @param rows number of rows, at least 1
 * @param cols number of columns, at least 1
 * @param values the rows·cols elements, row by row
 */
public record Matrix(int rows, int cols, double[] values) {
  /**
   * Copies the values.
   *
   * @throws IllegalArgumentException if the dimensions are not positive or do not match the values
   */
  public Matrix {
    if (rows < 1 || cols < 1 || values == null || values.length != rows * cols) {
      throw new IllegalArgumentException(
          "matrix: " + rows + " × " + cols + " needs " + Math.max(0, rows * cols) + " values, got "
              + (values == null ? "none" : values.length));
    }
    values = values.clone();
  }

  /** A column vector (n × 1). */
  public static Matrix column(double... values) {
    return new Matrix(values.length, 1, values);
  }

  /** The values, row by row; a copy. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The element in row {@code i}, column {@code j}, both counted from 0. */
  public double get(int i, int j) {
    if (i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException(
          "matrix: (" + i + ", " + j + ") is outside " + rows + " × " + cols);
    }
    return values[i * cols + j];
  }

  /** The transpose: a column becomes a row. */
  public Matrix transpose() {
    double[] t = new double[values.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = values[i * cols + j];
      }
    }
    return new Matrix(cols, rows, t);
  }

  /**
   * max |aᵢⱼ − bᵢⱼ| over all elements.
   *
   * @throws IllegalArgumentException if the shapes differ
   */
  public double maxAbsDifference(Matrix other) {
    if (rows != other.rows || cols != other.cols) {
      throw new IllegalArgumentException(
          "matrix: cannot compare " + rows + " × " + cols + " with " + other.rows + " × " + other.cols);
    }
    double max = 0;
    for (int k = 0; k < values.length; k++) {
      max = Math.max(max, Math.abs(values[k] - other.values[k]));
    }
    return max;
  }

  /** Σ aᵢⱼ², the squared Frobenius norm. */
  public double squaredNorm() {
    double s = 0;
    for (double v : values) {
      s += v * v;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(values, m.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Matrix[" + rows + " × " + cols + "]" + Arrays.toString(values);
  }
}
