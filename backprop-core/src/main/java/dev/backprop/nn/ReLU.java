package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/** The rectifier max(x, 0), elementwise; its derivative is 1 for x &gt; 0 and 0 otherwise. */
public final class ReLU extends ActivationLayer {
  /** Creates the layer. */
  public ReLU() {}

  /** The rectifier max(x, 0), elementwise; its derivative is 1 for x &gt; 0 and 0 otherwise. */
  @Override
  public Tensor forward(Tensor x) {
    return x.relu();
  }

  @Override
  public ReLUSpec spec() {
    return new ReLUSpec();
  }

  @Override
  ActivationLayer fresh() {
    return new ReLU();
  }
}
