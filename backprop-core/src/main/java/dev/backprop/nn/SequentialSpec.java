package dev.backprop.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The configuration of a {@link Sequential} network: its layers' configurations, in order.
 *
 * @param layers the layers, first to last; an unmodifiable copy is kept
 */
public record SequentialSpec(List<LayerSpec> layers) implements LayerSpec {
  /** Copies the list. */
  public SequentialSpec {
    layers = List.copyOf(layers);
  }

  /** The layers built in order, each drawing its weights from {@code rng} in turn. */
  @Override
  public Sequential build(RandomGenerator rng) {
    List<Module> modules = new ArrayList<>();
    for (LayerSpec layer : layers) {
      modules.add(layer.build(rng));
    }
    return new Sequential(modules);
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "Sequential", "layers", layers.stream().map(LayerSpec::toMap).toList());
  }
}
