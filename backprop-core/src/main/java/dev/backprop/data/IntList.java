package dev.backprop.data;

import java.util.Arrays;

/** A growable int array for readers that learn the row count only at the end. */
final class IntList {
  private int[] values = new int[1024];
  private int size;
  private final String source;

  IntList(String source) {
    this.source = source;
  }

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Memory.grownLength(values.length, size + 1L, source));
    }
    values[size++] = value;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
