package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The configuration of a {@link LeakyReLU} layer.
 *
 * @param slope the slope for negative inputs, finite
 */
public record LeakyReLUSpec(double slope) implements LayerSpec {
  /** Validates the slope. */
  public LeakyReLUSpec {
    if (!Double.isFinite(slope)) {
      throw new IllegalArgumentException("LeakyReLU: slope must be finite, got " + slope);
    }
  }

  @Override
  public LeakyReLU build(RandomGenerator rng) {
    return new LeakyReLU(slope);
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "LeakyReLU", "slope", slope);
  }
}
