package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/** The configuration of a {@link Softmax} layer: it has none (it acts on the last axis). */
public record SoftmaxSpec() implements LayerSpec {
  @Override
  public Softmax build(RandomGenerator rng) {
    return new Softmax();
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "Softmax");
  }
}
