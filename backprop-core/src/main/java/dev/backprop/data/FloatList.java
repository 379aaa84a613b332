package dev.backprop.data;

import java.util.Arrays;

/** A growable float array for readers that learn the row count only at the end. */
final class FloatList {
  private float[] values = new float[1024];
  private int size;
  private final String source;

  FloatList(String source) {
    this.source = source;
  }

  void add(float[] row) {
    if (values.length - size < row.length) {
      values = Arrays.copyOf(values, Memory.grownLength(values.length, size + (long) row.length,
          source));
    }
    System.arraycopy(row, 0, values, size, row.length);
    size += row.length;
  }

  int size() {
    return size;
  }

  float[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
