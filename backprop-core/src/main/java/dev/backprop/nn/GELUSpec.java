package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/** The configuration of a {@link GELU} layer: it has none. */
public record GELUSpec() implements LayerSpec {
  @Override
  public GELU build(RandomGenerator rng) {
    return new GELU();
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "GELU");
  }
}
