package dev.backprop.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.backprop.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One structure-aware change to a JSON document, chosen by the fuzzer: a value somewhere in the tree
 * replaced by a number at an edge, a string, a boolean, null, an empty container, or removed. The
 * result is still JSON, so it gets past the parser into the checks of what the document means.
 */
final class MetadataMutation {
  private MetadataMutation() {}

  static String apply(String json, FuzzedDataProvider data) {
    Object root = copy(Json.parse(json));
    List<Object[]> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      return json;
    }
    Object[] slot = slots.get(data.consumeInt(0, slots.size() - 1));
    Object replacement = replacement(data);
    @SuppressWarnings("unchecked")
    Object container = slot[0];
    if (container instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) map;
      if (replacement == Removed.REMOVED) {
        m.remove((String) slot[1]);
      } else {
        m.put((String) slot[1], replacement);
      }
    } else {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) container;
      int i = (Integer) slot[1];
      if (replacement == Removed.REMOVED) {
        list.remove(i);
      } else {
        list.set(i, replacement);
      }
    }
    return Json.write(root);
  }

  private enum Removed { REMOVED }

  private static Object replacement(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 9)) {
      case 0 -> data.pickValue(new Long[] {0L, -1L, 1L, (long) Integer.MAX_VALUE, 1L << 31, 1L << 40, Long.MIN_VALUE,
          Long.MAX_VALUE});
      case 1 -> data.consumeLong();
      case 2 -> data.pickValue(new Double[] {0.0, -0.0, 1e-300, -1.0, 0.5, 1e300, Double.MAX_VALUE, Double.MIN_VALUE});
      case 3 -> data.pickValue(new String[] {"NaN", "Infinity", "-Infinity", "", "relu", "Dense", "adam", "x"});
      case 4 -> data.consumeString(40);
      case 5 -> data.consumeBoolean();
      case 6 -> null;
      case 7 -> new ArrayList<>();
      case 8 -> new LinkedHashMap<>();
      default -> Removed.REMOVED;
    };
  }

  /** Every place a value sits: {container, key or index}. */
  private static void collect(Object node, List<Object[]> slots) {
    if (node instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        slots.add(new Object[] {map, key});
        collect(map.get(key), slots);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        slots.add(new Object[] {list, i});
        collect(list.get(i), slots);
      }
    }
  }

  /** A mutable deep copy of a parsed document. */
  private static Object copy(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, copy(v)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    return node;
  }
}
