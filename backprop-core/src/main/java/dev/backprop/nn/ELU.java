package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/**
 * The exponential linear unit, elementwise: x for x &gt; 0, α(e^x − 1) otherwise; its derivative
 * is 1 or α·e^x.
 */
public final class ELU extends ActivationLayer {
  /** The α PyTorch and this library use when none is given. */
  public static final double DEFAULT_ALPHA = 1.0;

  private final double alpha;

  /** An ELU with the given α (finite). */
  public ELU(double alpha) {
    this.alpha = new ELUSpec(alpha).alpha();
  }

  /** The saturation value −α for very negative inputs. */
  public double alpha() {
    return alpha;
  }

  /** x for x &gt; 0, α(e^x − 1) otherwise. */
  @Override
  public Tensor forward(Tensor x) {
    return x.elu(alpha);
  }

  @Override
  public ELUSpec spec() {
    return new ELUSpec(alpha);
  }

  @Override
  ActivationLayer fresh() {
    return new ELU(alpha);
  }

  @Override
  public String toString() {
    return "ELU(alpha=" + alpha + ")";
  }
}
