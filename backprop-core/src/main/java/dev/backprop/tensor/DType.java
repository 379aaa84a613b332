package dev.backprop.tensor;

/** Element type of a tensor's storage. */
public enum DType {
  /** 32-bit IEEE floats: the default, and the fast path. */
  FLOAT32("float32", 4),
  /** 64-bit IEEE doubles: exact enough for gradient checks. */
  FLOAT64("float64", 8);

  private final String label;
  private final int bytes;

  DType(String label, int bytes) {
    this.label = label;
    this.bytes = bytes;
  }

  /** Size of one element in bytes. */
  public int bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return label;
  }
}
