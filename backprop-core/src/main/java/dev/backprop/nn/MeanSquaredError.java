package dev.backprop.nn;

import dev.backprop.tensor.Losses;
import dev.backprop.tensor.Tensor;

/**
 * Mean squared error over all elements: L = (1/n) Σ (p − t)²; ∂L/∂p = 2(p − t)/n. Fused.
 */
public final class MeanSquaredError implements Loss {
  /** Creates the loss. */
  public MeanSquaredError() {}

  @Override
  public Tensor compute(Tensor predictions, Tensor targets) {
    return Losses.mse(predictions, targets);
  }

  @Override
  public String name() {
    return "mse";
  }

  @Override
  public Activation outputActivation() {
    return Activation.IDENTITY;
  }

  @Override
  public String toString() {
    return "MeanSquaredError()";
  }
}
