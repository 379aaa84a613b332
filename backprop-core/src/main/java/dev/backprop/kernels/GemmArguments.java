package dev.backprop.kernels;

/** Argument checks shared by the float and double entry points of {@link Gemm}. */
final class GemmArguments {

  private GemmArguments() {}

  /**
   * Checks sizes, offsets and array lengths, and that C shares no element with A or B.
   *
   * @throws IllegalArgumentException naming the offending size, offset or length
   */
  static void check(boolean transA, boolean transB, int m, int n, int k,
      Object a, int aLength, int offA, Object b, int bLength, int offB,
      Object c, int cLength, int offC) {
    nonNegative("m", m);
    nonNegative("n", n);
    nonNegative("k", k);
    nonNegative("offA", offA);
    nonNegative("offB", offB);
    nonNegative("offC", offC);
    long sizeA = (long) m * k;
    long sizeB = (long) k * n;
    long sizeC = (long) m * n;
    fits("a", "op(A) is " + m + "×" + k + " (A stored " + stored(transA, m, k) + ")",
        sizeA, offA, aLength);
    fits("b", "op(B) is " + k + "×" + n + " (B stored " + stored(transB, k, n) + ")",
        sizeB, offB, bLength);
    fits("c", "C is " + m + "×" + n, sizeC, offC, cLength);
    disjoint(c, offC, sizeC, a, "a", offA, sizeA);
    disjoint(c, offC, sizeC, b, "b", offB, sizeB);
  }

  private static String stored(boolean transposed, int rows, int cols) {
    return transposed ? cols + "×" + rows + ", transposed" : rows + "×" + cols;
  }

  private static void nonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
  }

  private static void fits(String array, String shape, long size, int offset, int length) {
    if (offset + size > length) {
      throw new IllegalArgumentException(array + " is too short: " + shape + " from offset "
          + offset + " needs length >= " + (offset + size) + " but " + array + ".length = " + length);
    }
  }

  private static void disjoint(Object c, int offC, long sizeC, Object input, String name,
      int offInput, long sizeInput) {
    if (c == input && sizeC > 0 && sizeInput > 0
        && offC < offInput + sizeInput && offInput < offC + sizeC) {
      throw new IllegalArgumentException("c overlaps " + name + ": c[" + offC + ", "
          + (offC + sizeC) + ") and " + name + "[" + offInput + ", " + (offInput + sizeInput)
          + ") are the same array; the output must not alias an input");
    }
  }
}
