package dev.backprop.nn;

import dev.backprop.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How a weight tensor's first values are drawn, from an explicit generator. For a weight of shape
 * [out, in], fan_in = in and fan_out = out; every scheme scales a standard draw by {@code gain}:
 *
 * <ul>
 *   <li>Glorot/Xavier uniform: U(−a, a), a = gain·√(6 / (fan_in + fan_out)); normal: N(0, σ²), σ =
 *       gain·√(2 / (fan_in + fan_out)).
 *   <li>He/Kaiming (fan_in mode) uniform: a = gain·√(3 / fan_in); normal: σ = gain / √fan_in; gain
 *       √2 for ReLU, √(2 / (1 + α²)) for leaky ReLU of slope α.
 *   <li>LeCun uniform: a = gain·√(3 / fan_in); normal: σ = gain / √fan_in, gain 1 (for SELU).
 *   <li>Zeros; constant: every element equals {@code gain}.
 * </ul>
 *
 * <p>Normal schemes draw from the full (untruncated) normal distribution, as PyTorch does.
 *
 * @param scheme the family of distributions
 * @param gain the multiplier of the scheme's standard scale (the value itself for {@code CONSTANT})
 */
public record Initializer(Scheme scheme, double gain) {
  /** The families of initial distributions, with their names in configuration files. */
  public enum Scheme {
    /** All zeros. */
    ZEROS,
    /** All equal to the gain. */
    CONSTANT,
    /** Glorot/Xavier uniform. */
    GLOROT_UNIFORM,
    /** Glorot/Xavier normal. */
    GLOROT_NORMAL,
    /** He/Kaiming uniform, fan_in mode. */
    HE_UNIFORM,
    /** He/Kaiming normal, fan_in mode. */
    HE_NORMAL,
    /** LeCun uniform. */
    LECUN_UNIFORM,
    /** LeCun normal. */
    LECUN_NORMAL;

    /** The name in configuration files: lower case with hyphens, e.g. {@code he-normal}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The scheme with the given {@link #label()}. */
    public static Scheme byLabel(String label) {
      for (Scheme s : values()) {
        if (s.label().equals(label)) {
          return s;
        }
      }
      throw new IllegalArgumentException(
          "unknown initializer '" + label + "'; expected one of "
              + Arrays.stream(values()).map(Scheme::label).toList());
    }

    /** The gain a scheme uses when none is given: √2 for He (ReLU), 1 otherwise, 0 for zeros. */
    public double defaultGain() {
      return switch (this) {
        case HE_UNIFORM, HE_NORMAL -> Math.sqrt(2);
        case ZEROS -> 0;
        default -> 1;
      };
    }
  }

  /** Validates the gain. */
  public Initializer {
    if (scheme == null) {
      throw new IllegalArgumentException("initializer: the scheme is missing");
    }
    if (!Double.isFinite(gain) || (scheme != Scheme.CONSTANT && gain < 0)) {
      throw new IllegalArgumentException(
          "initializer " + scheme.label() + ": gain must be finite"
              + (scheme == Scheme.CONSTANT ? "" : " and non-negative") + ", got " + gain);
    }
  }

  /** Glorot/Xavier uniform, gain 1. */
  public static Initializer glorotUniform() {
    return new Initializer(Scheme.GLOROT_UNIFORM, 1);
  }

  /** Glorot/Xavier normal, gain 1. */
  public static Initializer glorotNormal() {
    return new Initializer(Scheme.GLOROT_NORMAL, 1);
  }

  /** He/Kaiming uniform for ReLU: gain √2, so a = √(6 / fan_in). */
  public static Initializer heUniform() {
    return new Initializer(Scheme.HE_UNIFORM, Math.sqrt(2));
  }

  /** He/Kaiming normal for ReLU: gain √2, so σ = √(2 / fan_in). */
  public static Initializer heNormal() {
    return new Initializer(Scheme.HE_NORMAL, Math.sqrt(2));
  }

  /** He/Kaiming normal with another gain, e.g. √(2 / (1 + α²)) for leaky ReLU. */
  public static Initializer heNormal(double gain) {
    return new Initializer(Scheme.HE_NORMAL, gain);
  }

  /** LeCun uniform: a = √(3 / fan_in). */
  public static Initializer lecunUniform() {
    return new Initializer(Scheme.LECUN_UNIFORM, 1);
  }

  /** LeCun normal: σ = 1 / √fan_in. */
  public static Initializer lecunNormal() {
    return new Initializer(Scheme.LECUN_NORMAL, 1);
  }

  /** All zeros. */
  public static Initializer zeros() {
    return new Initializer(Scheme.ZEROS, 0);
  }

  /** Every element equal to {@code value}. */
  public static Initializer constant(double value) {
    return new Initializer(Scheme.CONSTANT, value);
  }

  /**
   * A new float32 tensor of the given shape drawn from this scheme. Fan-based schemes need a
   * shape [out, in, ...]; fans are multiplied by the trailing (receptive field) dimensions.
   */
  public Tensor sample(RandomGenerator rng, int... shape) {
    float[] values = new float[Math.toIntExact(Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b))];
    switch (scheme) {
      case ZEROS -> { }
      case CONSTANT -> Arrays.fill(values, (float) gain);
      case GLOROT_UNIFORM, HE_UNIFORM, LECUN_UNIFORM -> {
        double a = bound(shape);
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) rng.nextDouble(-a, a);
        }
      }
      default -> {
        double sigma = standardDeviation(shape);
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (sigma * rng.nextGaussian());
        }
      }
    }
    return Tensor.of(values, shape);
  }

  /** The bound a of a uniform scheme: U(−a, a). */
  double bound(int[] shape) {
    return Math.sqrt(3) * standardDeviation(shape);
  }

  /** The standard deviation of a random scheme for a tensor of this shape. */
  double standardDeviation(int[] shape) {
    if (shape.length < 2) {
      throw new IllegalArgumentException(
          "initializer " + scheme.label() + ": needs a weight shape [out, in, ...] to know the fans, got "
              + Arrays.toString(shape));
    }
    double receptive = 1;
    for (int i = 2; i < shape.length; i++) {
      receptive *= shape[i];
    }
    double fanIn = shape[1] * receptive;
    double fanOut = shape[0] * receptive;
    return switch (scheme) {
      case GLOROT_UNIFORM, GLOROT_NORMAL -> gain * Math.sqrt(2 / (fanIn + fanOut));
      case HE_UNIFORM, HE_NORMAL, LECUN_UNIFORM, LECUN_NORMAL -> gain / Math.sqrt(fanIn);
      default -> 0;
    };
  }

  @Override
  public String toString() {
    return scheme.label() + "(gain=" + gain + ")";
  }
}
