package dev.backprop.nn;

import dev.backprop.tensor.Losses;
import dev.backprop.tensor.Tensor;

/**
 * The derivations' squared error: ½ Σ_k (p_k − t_k)² per example, averaged over the batch, L =
 * (1/N) Σ_n ½ Σ_k (p_nk − t_nk)²; so ∂L/∂p = (p − t)/N, and for one example ∂L/∂p = p − t, the
 * "a − y" of the textbook δ = (a − y)·σ'(z). Fused.
 */
public final class HalfSumSquaredError implements Loss {
  /** Creates the loss. */
  public HalfSumSquaredError() {}

  @Override
  public Tensor compute(Tensor predictions, Tensor targets) {
    return Losses.halfSumSquaredError(predictions, targets);
  }

  @Override
  public String name() {
    return "half-sum-squared-error";
  }

  @Override
  public Activation outputActivation() {
    return Activation.IDENTITY;
  }

  @Override
  public String toString() {
    return "HalfSumSquaredError()";
  }
}
