package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/** The configuration of a {@link ReLU} layer: it has none. */
public record ReLUSpec() implements LayerSpec {
  @Override
  public ReLU build(RandomGenerator rng) {
    return new ReLU();
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "ReLU");
  }
}
