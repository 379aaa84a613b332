package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/** The Gaussian error linear unit in its tanh form (PyTorch's {@code approximate="tanh"}), elementwise: ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
public final class GELU extends ActivationLayer {
  /** Creates the layer. */
  public GELU() {}

  /** The Gaussian error linear unit in its tanh form (PyTorch's {@code approximate="tanh"}), elementwise: ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
  @Override
  public Tensor forward(Tensor x) {
    return x.gelu();
  }

  @Override
  public GELUSpec spec() {
    return new GELUSpec();
  }

  @Override
  ActivationLayer fresh() {
    return new GELU();
  }
}
