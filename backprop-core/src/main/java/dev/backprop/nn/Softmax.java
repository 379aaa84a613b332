package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/**
 * Softmax over the features (the last axis): q_i = e^{z_i} / Σ_j e^{z_j}, computed with the
 * maximum subtracted. Its Jacobian is ∂q_i/∂z_j = q_i(δ_ij − q_j). For training a classifier,
 * leave it out and use {@link CategoricalCrossEntropy} on the logits: that pair is fused and stable.
 */
public final class Softmax extends ActivationLayer {
  /** Creates the layer. */
  public Softmax() {}

  /** Softmax of each row of x. */
  @Override
  public Tensor forward(Tensor x) {
    return x.softmax(-1);
  }

  @Override
  public SoftmaxSpec spec() {
    return new SoftmaxSpec();
  }

  @Override
  ActivationLayer fresh() {
    return new Softmax();
  }
}
