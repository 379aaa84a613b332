package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/** The configuration of a {@link Tanh} layer: it has none. */
public record TanhSpec() implements LayerSpec {
  @Override
  public Tanh build(RandomGenerator rng) {
    return new Tanh();
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "Tanh");
  }
}
