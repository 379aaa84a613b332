package dev.backprop.explain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What to explain: the layer sizes n⁽⁰⁾, n⁽¹⁾, …, n⁽ᴸ⁾ (inputs first, outputs last), the hidden
 * activation g, the loss, the seed of the initial parameters and the learning rate η of the
 * gradient-descent step θ ← θ − η∇L.
 *
 * <p>The loss fixes the output layer: {@code cross-entropy} uses a softmax output q = softmax(z⁽ᴸ⁾)
 * and L = −Σ yᵢ ln qᵢ (the third note); {@code squared-error} uses a sigmoid output a = σ(z⁽ᴸ⁾) and
 * L = ½ Σ (aᵢ − yᵢ)² (the fourth note); {@code mse} uses the same sigmoid output and
 * L = (1/n) Σ (aᵢ − yᵢ)².
 *
 * <pre>{@code
 * ExplainSpec spec = ExplainSpec.defaults().withLayers(2, 4, 2).withActivation("tanh");
 * }</pre>
 *
 * @param layers sizes of the input, hidden and output layers; at least 2 entries, at most {@value
 *     #MAX_SIZES}, each between 1 and {@value #MAX_UNITS}
 * @param activation the hidden activation g, one of {@link #ACTIVATIONS}
 * @param loss one of {@link #LOSSES}; {@code cross-entropy} needs at least 2 outputs
 * @param seed seed of the generator that draws the initial weights and biases
 * @param learningRate η, greater than 0 and at most {@value #MAX_LEARNING_RATE}
 */
public record ExplainSpec(List<Integer> layers, String activation, String loss, long seed, double learningRate) {
  /** The hidden activations that can be explained. */
  public static final List<String> ACTIVATIONS = Activation.names();

  /** The losses that can be explained. */
  public static final List<String> LOSSES = LossKind.names();

  /** Largest number of units in one layer: every matrix is printed, so it must fit on a screen. */
  public static final int MAX_UNITS = 32;

  /** Largest number of layer sizes (inputs, hidden layers and outputs together). */
  public static final int MAX_SIZES = 10;

  /**
   * Largest learning rate: enough to watch a step overshoot, small enough that every value after
   * the step stays finite.
   */
  public static final double MAX_LEARNING_RATE = 1000;

  /** Seed used unless another is given. */
  public static final long DEFAULT_SEED = 1;

  /** Learning rate used unless another is given. */
  public static final double DEFAULT_LEARNING_RATE = 0.1;

  /**
   * Validates the spec.
   *
   * @throws IllegalArgumentException naming the offending value and what was expected
   */
  public ExplainSpec {
    layers = validLayers(layers);
    activation = Activation.named(activation).cliName;
    LossKind kind = LossKind.named(loss);
    loss = kind.cliName;
    if (kind == LossKind.CROSS_ENTROPY && layers.get(layers.size() - 1) < 2) {
      throw new IllegalArgumentException(
          "loss: cross-entropy needs at least 2 outputs (a softmax over one class is always 1), got layers "
              + join(layers) + "; use squared-error for a single output");
    }
    if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
      throw new IllegalArgumentException(
          "learning rate: expected a number greater than 0 and at most " + (int) MAX_LEARNING_RATE + ", got "
              + learningRate);
    }
  }

  /**
   * The first note's network — 3 inputs, two hidden layers of 3, 3 outputs — with sigmoid hidden
   * units, a softmax output and cross-entropy, seed {@value #DEFAULT_SEED}, η = {@value
   * #DEFAULT_LEARNING_RATE}.
   */
  public static ExplainSpec defaults() {
    return new ExplainSpec(List.of(3, 3, 3, 3), "sigmoid", "cross-entropy", DEFAULT_SEED, DEFAULT_LEARNING_RATE);
  }

  /** This spec with other layer sizes, inputs first. */
  public ExplainSpec withLayers(int... sizes) {
    return new ExplainSpec(Arrays.stream(sizes).boxed().toList(), activation, loss, seed, learningRate);
  }

  /** This spec with another hidden activation, one of {@link #ACTIVATIONS}. */
  public ExplainSpec withActivation(String name) {
    return new ExplainSpec(layers, name, loss, seed, learningRate);
  }

  /** This spec with another loss, one of {@link #LOSSES}. */
  public ExplainSpec withLoss(String name) {
    return new ExplainSpec(layers, activation, name, seed, learningRate);
  }

  /** This spec with another seed for the initial parameters. */
  public ExplainSpec withSeed(long newSeed) {
    return new ExplainSpec(layers, activation, loss, newSeed, learningRate);
  }

  /** This spec with another learning rate η. */
  public ExplainSpec withLearningRate(double eta) {
    return new ExplainSpec(layers, activation, loss, seed, eta);
  }

  /** The sizes joined by dashes, as the network is named in the output: {@code 3-3-3-3}. */
  public String architecture() {
    return String.join("-", layers.stream().map(String::valueOf).toList());
  }

  private static List<Integer> validLayers(List<Integer> layers) {
    if (layers == null || layers.size() < 2) {
      throw new IllegalArgumentException(
          "layers: expected at least 2 sizes (inputs and outputs, e.g. 3,3,3,3), got "
              + (layers == null ? "none" : join(layers)));
    }
    if (layers.size() > MAX_SIZES) {
      throw new IllegalArgumentException(
          "layers: expected at most " + MAX_SIZES + " sizes, got " + layers.size() + " (" + join(layers) + ")");
    }
    for (int i = 0; i < layers.size(); i++) {
      Integer n = layers.get(i);
      if (n == null || n < 1 || n > MAX_UNITS) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "layers: size %s at position %d of %s is out of range; expected 1 to %d units",
            n, i + 1, join(layers), MAX_UNITS));
      }
    }
    return List.copyOf(layers);
  }

  private static String join(List<Integer> layers) {
    return String.join(",", layers.stream().map(String::valueOf).toList());
  }
}
