package dev.backprop.optim;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.List;

/** Parameters and gradients for the optimizer tests. */
final class Fixtures {
  static final List<DType> DTYPES = List.of(DType.FLOAT32, DType.FLOAT64);

  private Fixtures() {}

  /** A leaf parameter of the given dtype holding {@code values}. */
  static Tensor param(DType dtype, double... values) {
    Tensor t = Tensor.of(values, values.length);
    return (dtype == DType.FLOAT32 ? t.toFloat32().detach() : t).requiresGrad();
  }

  /** Replaces the gradient of {@code p} with {@code values}, in its dtype. */
  static void setGrad(Tensor p, double... values) {
    Tensor g = Tensor.of(values, values.length);
    TensorData.setGrad(p, p.dtype() == DType.FLOAT32 ? g.toFloat32().detach() : g);
  }

  /**
   * The tolerance for comparing a parameter with a value derived in double precision: a few
   * float32 roundings relative to the value, or double rounding for float64.
   */
  static double tolerance(DType dtype, double expected) {
    return (dtype == DType.FLOAT32 ? 2e-6 : 1e-12) * Math.max(1, Math.abs(expected));
  }
}
