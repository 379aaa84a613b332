package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/** The identity: the output is the input, and so is the gradient. */
public final class Identity extends ActivationLayer {
  /** Creates the layer. */
  public Identity() {}

  /** The identity: the output is the input, and so is the gradient. */
  @Override
  public Tensor forward(Tensor x) {
    return x;
  }

  @Override
  public IdentitySpec spec() {
    return new IdentitySpec();
  }

  @Override
  ActivationLayer fresh() {
    return new Identity();
  }
}
