package dev.backprop.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * The activation functions by name, each with the layer that applies it (default parameters) and
 * the initializer that suits the weights feeding it: He for the ReLU family, LeCun for SELU, Glorot
 * for the saturating and linear ones.
 */
public enum Activation {
  /** σ(x) = 1 / (1 + e^−x). */
  SIGMOID,
  /** tanh x. */
  TANH,
  /** max(x, 0). */
  RELU,
  /** x for x &gt; 0, 0.01·x otherwise. */
  LEAKY_RELU,
  /** x for x &gt; 0, e^x − 1 otherwise. */
  ELU,
  /** λ·elu(x, α) with the self-normalizing constants. */
  SELU,
  /** GELU, tanh form. */
  GELU,
  /** e^x / Σ e^x over the features. */
  SOFTMAX,
  /** x. */
  IDENTITY;

  /** The name in configuration files and on the command line, e.g. {@code leaky-relu}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The activation with the given {@link #label()}, e.g. {@code byName("relu")}. */
  public static Activation byName(String name) {
    for (Activation a : values()) {
      if (a.label().equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '" + name + "'; expected one of "
            + Arrays.stream(values()).map(Activation::label).toList());
  }

  /** A new layer applying this function with default parameters (leaky slope 0.01, ELU α 1). */
  public Module layer() {
    return switch (this) {
      case SIGMOID -> new Sigmoid();
      case TANH -> new Tanh();
      case RELU -> new ReLU();
      case LEAKY_RELU -> new LeakyReLU(LeakyReLU.DEFAULT_SLOPE);
      case ELU -> new dev.backprop.nn.ELU(dev.backprop.nn.ELU.DEFAULT_ALPHA);
      case SELU -> new SELU();
      case GELU -> new GELU();
      case SOFTMAX -> new Softmax();
      case IDENTITY -> new Identity();
    };
  }

  /**
   * The initializer for the weights of a dense layer followed by this activation: He normal
   * (gain √2; √(2 / (1 + 0.01²)) for leaky ReLU) for the ReLU family, LeCun normal for SELU,
   * Glorot uniform otherwise.
   */
  public Initializer defaultInitializer() {
    double slope = LeakyReLU.DEFAULT_SLOPE;
    return switch (this) {
      case RELU, ELU, GELU -> Initializer.heNormal();
      case LEAKY_RELU -> Initializer.heNormal(Math.sqrt(2 / (1 + slope * slope)));
      case SELU -> Initializer.lecunNormal();
      case SIGMOID, TANH, SOFTMAX, IDENTITY -> Initializer.glorotUniform();
    };
  }
}
