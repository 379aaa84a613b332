package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The configuration of a {@link Dense} layer.
 *
 * @param in the number of input features, at least 1
 * @param out the number of output features, at least 1
 * @param bias whether the layer adds a bias
 * @param init how the weights are drawn
 */
public record DenseSpec(int in, int out, boolean bias, Initializer init) implements LayerSpec {
  /** The most weights one layer may have: the largest Java array, less the JVM's header slack. */
  static final long MAX_WEIGHTS = Integer.MAX_VALUE - 8;

  /** Validates the sizes. */
  public DenseSpec {
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException("Dense: in and out must be at least 1, got in=" + in + ", out=" + out);
    }
    long weights = (long) in * out;
    if (weights > MAX_WEIGHTS) {
      throw new IllegalArgumentException(String.format(
          "Dense: in=%d x out=%d is %,d weights, more than one array can hold (%,d)", in, out, weights, MAX_WEIGHTS));
    }
    if (init == null) {
      throw new IllegalArgumentException("Dense: the initializer is missing");
    }
  }

  @Override
  public Dense build(RandomGenerator rng) {
    return new Dense(this, rng);
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "Dense", "in", in, "out", out, "bias", bias, "init", SpecMaps.of(
        "scheme", init.scheme().label(), "gain", init.gain()));
  }
}
