package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/** The configuration of a {@link Sigmoid} layer: it has none. */
public record SigmoidSpec() implements LayerSpec {
  @Override
  public Sigmoid build(RandomGenerator rng) {
    return new Sigmoid();
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "Sigmoid");
  }
}
