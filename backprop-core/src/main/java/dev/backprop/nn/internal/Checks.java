package dev.backprop.nn.internal;

/** Argument checks of the fused plan's entry points; messages are built only on failure. */
final class Checks {
  private Checks() {}

  static void rows(String op, int rows, int min) {
    if (rows < min) {
      throw new IllegalArgumentException(op + ": rows must be >= " + min + " but was " + rows);
    }
  }

  /** {@code array} holds [rows, width] from {@code from}. */
  static void fits(String what, float[] array, int from, int rows, int width) {
    fits(what, array.length, from, rows, width);
  }

  /** {@code array} holds {@code rows} values from {@code from}. */
  static void fits(String what, int[] array, int from, int rows) {
    fits(what, array.length, from, rows, 1);
  }

  private static void fits(String what, int length, int from, int rows, int width) {
    long end = from + (long) rows * width;
    if (from < 0 || end > length) {
      throw new IllegalArgumentException(
          what + ": [" + rows + ", " + width + "] from index " + from + " needs length >= " + end
              + ", got " + length);
    }
  }
}
