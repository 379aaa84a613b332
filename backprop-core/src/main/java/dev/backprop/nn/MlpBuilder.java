package dev.backprop.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a multi-layer perceptron from its layer sizes; obtain one with {@link Sequential#mlp}.
 * Each hidden layer is Dense → [BatchNorm] → activation → [Dropout]; the last layer is Dense →
 * output activation (left out when it is the identity, so a classifier emits logits for {@link
 * CategoricalCrossEntropy}). Weights are drawn with the activation's {@linkplain
 * Activation#defaultInitializer() default initializer} unless one is set.
 *
 * <pre>{@code
 * Sequential net = Sequential.mlp(784, 256, 128, 10)
 *     .activation(Activation.RELU)
 *     .dropout(0.2)
 *     .build(42);
 * }</pre>
 */
public final class MlpBuilder {
  private final int[] sizes;
  private Activation activation = Activation.RELU;
  private Activation outputActivation = Activation.IDENTITY;
  private Initializer initializer;
  private double dropout;
  private boolean batchNorm;
  private boolean bias = true;

  MlpBuilder(int[] sizes) {
    if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
      throw new IllegalArgumentException(
          "mlp: needs at least an input and an output size, all at least 1, got " + Arrays.toString(sizes));
    }
    this.sizes = sizes.clone();
  }

  /** The activation after each hidden layer (default ReLU). */
  public MlpBuilder activation(Activation hidden) {
    this.activation = hidden;
    return this;
  }

  /** The activation after the last layer (default identity: the network emits logits). */
  public MlpBuilder outputActivation(Activation output) {
    this.outputActivation = output;
    return this;
  }

  /** One initializer for every dense layer, instead of each activation's default. */
  public MlpBuilder initializer(Initializer init) {
    this.initializer = init;
    return this;
  }

  /** Dropout with probability p after each hidden activation (default 0: none). */
  public MlpBuilder dropout(double p) {
    this.dropout = new DropoutSpec(p, 0).p(); // validated as the layers will be
    return this;
  }

  /** Whether each hidden dense layer is followed by batch normalization (default false). */
  public MlpBuilder batchNorm(boolean on) {
    this.batchNorm = on;
    return this;
  }

  /** Whether the dense layers have biases (default true). */
  public MlpBuilder bias(boolean on) {
    this.bias = on;
    return this;
  }

  /** The architecture, with dropout seeds derived from {@code seed}. */
  public SequentialSpec spec(long seed) {
    List<LayerSpec> layers = new ArrayList<>();
    long dropoutSeeds = SplitMix.stream(seed, 0);
    for (int i = 0; i + 1 < sizes.length; i++) {
      boolean hidden = i + 2 < sizes.length;
      Activation act = hidden ? activation : outputActivation;
      Initializer init = initializer != null ? initializer : act.defaultInitializer();
      layers.add(new DenseSpec(sizes[i], sizes[i + 1], bias, init));
      if (hidden && batchNorm) {
        layers.add(new BatchNormSpec(sizes[i + 1], BatchNormSpec.DEFAULT_EPS, BatchNormSpec.DEFAULT_MOMENTUM, true));
      }
      if (act != Activation.IDENTITY) {
        layers.add(act.layer().spec());
      }
      if (hidden && dropout > 0) {
        layers.add(new DropoutSpec(dropout, SplitMix.next(dropoutSeeds, i)));
      }
    }
    return new SequentialSpec(layers);
  }

  /** The network, its weights drawn from a generator seeded with {@code seed}. */
  public Sequential build(long seed) {
    return spec(seed).build(new SplittableRandom(seed));
  }
}
