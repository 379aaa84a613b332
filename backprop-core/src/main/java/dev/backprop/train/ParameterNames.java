package dev.backprop.train;

import dev.backprop.nn.BatchNormSpec;
import dev.backprop.nn.DenseSpec;
import dev.backprop.nn.LayerSpec;
import dev.backprop.nn.SequentialSpec;

/**
 * Says in words which layer and tensor a dotted parameter name such as {@code 2.weight} denotes,
 * for error messages: {@code the weight of layer 2 (Dense 16→3)}.
 */
final class ParameterNames {
  private ParameterNames() {}

  /** The tensor and its layer, or just the name quoted when the architecture does not have it. */
  static String describe(LayerSpec architecture, String parameter) {
    String[] parts = parameter.split("\\.");
    String tensor = parts[parts.length - 1].replace('_', ' ');
    LayerSpec layer = architecture;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      if (!(layer instanceof SequentialSpec s) || !isIndex(parts[i], s.layers().size())) {
        return "'" + parameter + "'";
      }
      layer = s.layers().get(Integer.parseInt(parts[i]));
      path.append(path.length() == 0 ? "" : ".").append(parts[i]);
    }
    String where = path.length() == 0 ? "the network" : "layer " + path;
    return "the " + tensor + " of " + where + " (" + layerName(layer) + ")";
  }

  private static boolean isIndex(String part, int size) {
    return part.matches("\\d{1,9}") && Integer.parseInt(part) < size;
  }

  /** {@code Dense 16→3}, {@code BatchNorm 16}, or the layer's type. */
  static String layerName(LayerSpec layer) {
    if (layer instanceof DenseSpec d) {
      return "Dense " + d.in() + "→" + d.out();
    }
    if (layer instanceof BatchNormSpec b) {
      return "BatchNorm " + b.features();
    }
    return String.valueOf(layer.toMap().get("type"));
  }
}
