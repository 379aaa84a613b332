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
    // Messages are built only on failure: this check runs on every product, tiny ones included,
    // and must not allocate.
    if (!fits(sizeA, offA, aLength)) {
      throw tooShort("a", "op(A) is " + m + "×" + k + " (A stored " + stored(transA, m, k) + ")",
          sizeA, offA, aLength);
    }
    if (!fits(sizeB, offB, bLength)) {
      throw tooShort("b", "op(B) is " + k + "×" + n + " (B stored " + stored(transB, k, n) + ")",
          sizeB, offB, bLength);
    }
    if (!fits(sizeC, offC, cLength)) {
      throw tooShort("c", "C is " + m + "×" + n, sizeC, offC, cLength);
    }
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

  private static boolean fits(long size, int offset, int length) {
    return offset + size <= length;
  }

  private static IllegalArgumentException tooShort(String array, String shape, long size,
      int offset, int length) {
    return new IllegalArgumentException(array + " is too short: " + shape + " from offset "
        + offset + " needs length >= " + (offset + size) + " but " + array + ".length = " + length);
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
