package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/** The configuration of a {@link Identity} layer: it has none. */
public record IdentitySpec() implements LayerSpec {
  @Override
  public Identity build(RandomGenerator rng) {
    return new Identity();
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "Identity");
  }
}
