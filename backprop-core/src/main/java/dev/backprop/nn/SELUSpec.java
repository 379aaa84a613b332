package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/** The configuration of a {@link SELU} layer: it has none. */
public record SELUSpec() implements LayerSpec {
  @Override
  public SELU build(RandomGenerator rng) {
    return new SELU();
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "SELU");
  }
}
