package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/** The hyperbolic tangent, elementwise; tanh'(x) = 1 − tanh²(x). */
public final class Tanh extends ActivationLayer {
  /** Creates the layer. */
  public Tanh() {}

  /** The hyperbolic tangent, elementwise; tanh'(x) = 1 − tanh²(x). */
  @Override
  public Tensor forward(Tensor x) {
    return x.tanh();
  }

  @Override
  public TanhSpec spec() {
    return new TanhSpec();
  }

  @Override
  ActivationLayer fresh() {
    return new Tanh();
  }
}
