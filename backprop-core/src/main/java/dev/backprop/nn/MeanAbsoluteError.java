package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/**
 * Mean absolute error over all elements: L = (1/n) Σ |p − t|; ∂L/∂p = sign(p − t)/n (0 where p =
 * t). Composed from primitives.
 */
public final class MeanAbsoluteError implements Loss {
  /** Creates the loss. */
  public MeanAbsoluteError() {}

  @Override
  public Tensor compute(Tensor predictions, Tensor targets) {
    LossChecks.sameShape("mae", predictions, targets);
    return predictions.sub(targets).abs().mean();
  }

  @Override
  public String name() {
    return "mae";
  }

  @Override
  public Activation outputActivation() {
    return Activation.IDENTITY;
  }

  @Override
  public String toString() {
    return "MeanAbsoluteError()";
  }
}
