package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The configuration of a {@link Dropout} layer.
 *
 * @param p the probability of dropping an element, in [0, 1]
 * @param seed the seed of the layer's masks
 */
public record DropoutSpec(double p, long seed) implements LayerSpec {
  /** Validates p. */
  public DropoutSpec {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("Dropout: p must be in [0, 1], got " + p);
    }
  }

  /** The layer; its masks come from {@link #seed()}, not from {@code rng}. */
  @Override
  public Dropout build(RandomGenerator rng) {
    return new Dropout(this);
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "Dropout", "p", p, "seed", seed);
  }
}
