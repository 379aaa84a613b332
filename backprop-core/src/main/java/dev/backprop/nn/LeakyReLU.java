package dev.backprop.nn;

import dev.backprop.tensor.Tensor;

/** The leaky rectifier, elementwise: x for x &gt; 0, slope·x otherwise; its derivative is 1 or slope. */
public final class LeakyReLU extends ActivationLayer {
  /** The slope PyTorch and this library use when none is given. */
  public static final double DEFAULT_SLOPE = 0.01;

  private final double slope;

  /** A leaky ReLU with the given negative slope (finite, usually small and positive). */
  public LeakyReLU(double slope) {
    this.slope = new LeakyReLUSpec(slope).slope();
  }

  /** The slope for negative inputs. */
  public double slope() {
    return slope;
  }

  /** x for x &gt; 0, slope·x otherwise. */
  @Override
  public Tensor forward(Tensor x) {
    return x.leakyRelu(slope);
  }

  @Override
  public LeakyReLUSpec spec() {
    return new LeakyReLUSpec(slope);
  }

  @Override
  ActivationLayer fresh() {
    return new LeakyReLU(slope);
  }

  @Override
  public String toString() {
    return "LeakyReLU(slope=" + slope + ")";
  }
}
