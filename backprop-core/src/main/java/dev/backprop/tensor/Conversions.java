package dev.backprop.tensor;

/** Changes of dtype. */
final class Conversions {
  private Conversions() {}

  /** Backward: the gradient converted back to the input's dtype. */
  static Tensor convert(Tensor x, DType to) {
    Tensor y = to == DType.FLOAT32
        ? new Tensor(x.toFloatArray(), x.shape.clone())
        : new Tensor(x.toDoubleArray(), x.shape.clone());
    return Node.record(y, "to" + to, g -> new Tensor[] {convert(g, x.dtype)}, x);
  }
}
