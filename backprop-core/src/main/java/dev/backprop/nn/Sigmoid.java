package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/** The logistic sigmoid σ(x) = 1 / (1 + e^−x), elementwise; σ'(x) = σ(x)(1 − σ(x)). */
public final class Sigmoid extends ActivationLayer {
  /** Creates the layer. */
  public Sigmoid() {}

  /** The logistic sigmoid σ(x) = 1 / (1 + e^−x), elementwise; σ'(x) = σ(x)(1 − σ(x)). */
  @Override
  public Tensor forward(Tensor x) {
    return x.sigmoid();
  }

  @Override
  public SigmoidSpec spec() {
    return new SigmoidSpec();
  }

  @Override
  ActivationLayer fresh() {
    return new Sigmoid();
  }
}
