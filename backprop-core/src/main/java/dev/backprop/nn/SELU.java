package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/**
 * The scaled exponential linear unit, elementwise: λ·x for x &gt; 0, λα(e^x − 1) otherwise, with
 * the self-normalizing constants λ ≈ 1.0507 and α ≈ 1.6733 (Klambauer et al., 2017). Pair it with
 * LeCun normal initialization.
 */
public final class SELU extends ActivationLayer {
  /** α of the self-normalizing network. */
  public static final double ALPHA = 1.6732632423543772848170429916717;
  /** λ of the self-normalizing network. */
  public static final double SCALE = 1.0507009873554804934193349852946;

  /** Creates the layer. */
  public SELU() {}

  /** λ·elu(x, α). */
  @Override
  public Tensor forward(Tensor x) {
    return x.elu(ALPHA).mul(SCALE);
  }

  @Override
  public SELUSpec spec() {
    return new SELUSpec();
  }

  @Override
  ActivationLayer fresh() {
    return new SELU();
  }
}
