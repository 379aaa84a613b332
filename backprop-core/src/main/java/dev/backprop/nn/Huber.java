package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/**
 * The Huber loss, averaged over all elements (PyTorch's HuberLoss): with d = p − t,
 *
 * <pre>
 *   ℓ(d) = ½ d²             for |d| ≤ δ
 *   ℓ(d) = δ (|d| − ½ δ)    otherwise
 * </pre>
 *
 * <p>quadratic near the target, linear (robust to outliers) far from it; ℓ'(d) = clamp(d, −δ, δ).
 * Composed from primitives as ½q² + δ(|d| − q) with q = min(|d|, δ), which is exactly ℓ on both
 * branches and so is differentiated for free.
 */
public final class Huber implements Loss {
  /** PyTorch's δ. */
  public static final double DEFAULT_DELTA = 1.0;

  private final double delta;

  /** Huber loss with threshold δ &gt; 0. */
  public Huber(double delta) {
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("huber: delta must be positive and finite, got " + delta);
    }
    this.delta = delta;
  }

  /** The threshold δ between the quadratic and the linear part. */
  public double delta() {
    return delta;
  }

  @Override
  public Tensor compute(Tensor predictions, Tensor targets) {
    LossChecks.sameShape("huber", predictions, targets);
    Tensor a = predictions.sub(targets).abs();
    Tensor q = a.clamp(0, delta);
    return q.mul(q).mul(0.5).add(a.sub(q).mul(delta)).mean();
  }

  @Override
  public String name() {
    return "huber";
  }

  @Override
  public Activation outputActivation() {
    return Activation.IDENTITY;
  }

  @Override
  public String toString() {
    return "Huber(delta=" + delta + ")";
  }
}
