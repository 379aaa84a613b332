package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The configuration of an {@link ELU} layer.
 *
 * @param alpha the scale of the negative branch, finite
 */
public record ELUSpec(double alpha) implements LayerSpec {
  /** Validates α. */
  public ELUSpec {
    if (!Double.isFinite(alpha)) {
      throw new IllegalArgumentException("ELU: alpha must be finite, got " + alpha);
    }
  }

  @Override
  public ELU build(RandomGenerator rng) {
    return new ELU(alpha);
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "ELU", "alpha", alpha);
  }
}
