package dev.backprop.nn;

import java.util.ArrayList;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@link LayerSpec}s from nested maps of plain values, with errors that name the path. */
final class SpecMaps {
  private static final List<String> TYPES = List.of(
      "Dense", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU", "SELU", "GELU", "Softmax", "Identity",
      "Dropout", "BatchNorm", "Sequential");

  private SpecMaps() {}

  /** An unmodifiable, ordered map of alternating keys and values. */
  static Map<String, Object> of(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  static LayerSpec read(Map<String, ?> map, String path) {
    try {
      return readChecked(map, path);
    } catch (IllegalArgumentException e) {
      // Errors of the records' own validation name the layer type but not where it sits.
      if (e.getMessage() != null && e.getMessage().startsWith("$")) {
        throw e;
      }
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private static LayerSpec readChecked(Map<String, ?> map, String path) {
    Entries e = new Entries(map, path);
    String type = e.string("type", null);
    LayerSpec spec = switch (type) {
      case "Dense" -> new DenseSpec(e.integer("in"), e.integer("out"), e.bool("bias", true), e.initializer("init"));
      case "Sigmoid" -> new SigmoidSpec();
      case "Tanh" -> new TanhSpec();
      case "ReLU" -> new ReLUSpec();
      case "LeakyReLU" -> new LeakyReLUSpec(e.number("slope", LeakyReLU.DEFAULT_SLOPE));
      case "ELU" -> new ELUSpec(e.number("alpha", ELU.DEFAULT_ALPHA));
      case "SELU" -> new SELUSpec();
      case "GELU" -> new GELUSpec();
      case "Softmax" -> new SoftmaxSpec();
      case "Identity" -> new IdentitySpec();
      case "Dropout" -> new DropoutSpec(e.number("p", Double.NaN), e.longInteger("seed"));
      case "BatchNorm" -> new BatchNormSpec(e.integer("features"), e.number("eps", BatchNormSpec.DEFAULT_EPS),
          e.number("momentum", BatchNormSpec.DEFAULT_MOMENTUM), e.bool("affine", true));
      case "Sequential" -> new SequentialSpec(e.layers("layers"));
      default -> throw new IllegalArgumentException(
          path + ": unknown layer type '" + type + "'; expected one of " + TYPES);
    };
    e.rejectUnread();
    return spec;
  }

  /** One map being read: remembers which keys were used so that typos are reported. */
  private static final class Entries {
    private final Map<String, ?> map;
    private final String path;
    private final Set<String> read = new HashSet<>();

    Entries(Map<String, ?> map, String path) {
      if (map == null) {
        throw new IllegalArgumentException(path + ": expected a layer object, got nothing");
      }
      this.map = map;
      this.path = path;
    }

    private Object get(String key, boolean required) {
      read.add(key);
      Object v = map.get(key);
      if (v == null && required) {
        throw new IllegalArgumentException(path + ": missing '" + key + "'");
      }
      return v;
    }

    private IllegalArgumentException wrong(String key, Object v, String expected) {
      return new IllegalArgumentException(
          path + "." + key + ": expected " + expected + ", got " + (v instanceof String ? "\"" + v + "\"" : v));
    }

    String string(String key, String fallback) {
      Object v = get(key, fallback == null);
      if (v == null) {
        return fallback;
      }
      if (!(v instanceof String s)) {
        throw wrong(key, v, "a string");
      }
      return s;
    }

    boolean bool(String key, boolean fallback) {
      Object v = get(key, false);
      if (v == null) {
        return fallback;
      }
      if (!(v instanceof Boolean b)) {
        throw wrong(key, v, "true or false");
      }
      return b;
    }

    /** A number; NaN as the fallback makes it required. */
    double number(String key, double fallback) {
      Object v = get(key, Double.isNaN(fallback));
      if (v == null) {
        return fallback;
      }
      if (!(v instanceof Number n)) {
        throw wrong(key, v, "a number");
      }
      return n.doubleValue();
    }

    long longInteger(String key) {
      Object v = get(key, true);
      if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
      if (v instanceof BigInteger b && b.bitLength() < 64) {
        return b.longValue();
      }
      if (v instanceof BigDecimal d) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException ex) {
          throw wrong(key, v, "a whole number within 64 bits");
        }
      }
      if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= 0x1p53) {
        return d.longValue();
      }
      throw wrong(key, v, "a whole number within 64 bits");
    }

    int integer(String key) {
      long v = longInteger(key);
      if (v != (int) v) {
        throw wrong(key, v, "a whole number within 32 bits");
      }
      return (int) v;
    }

    Initializer initializer(String key) {
      Object v = get(key, false);
      if (v == null) {
        return Initializer.glorotUniform();
      }
      if (!(v instanceof Map<?, ?> m)) {
        throw wrong(key, v, "an object {\"scheme\": ..., \"gain\": ...}");
      }
      Entries e = new Entries(stringKeys(m, path + "." + key), path + "." + key);
      Initializer.Scheme scheme;
      try {
        scheme = Initializer.Scheme.byLabel(e.string("scheme", null));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(path + "." + key + ".scheme: " + ex.getMessage(), ex);
      }
      Initializer init = new Initializer(scheme, e.number("gain", scheme.defaultGain()));
      e.rejectUnread();
      return init;
    }

    List<LayerSpec> layers(String key) {
      Object v = get(key, true);
      if (!(v instanceof List<?> list)) {
        throw wrong(key, v, "a list of layers");
      }
      List<LayerSpec> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String at = path + "." + key + "[" + i + "]";
        if (!(list.get(i) instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException(at + ": expected a layer object, got " + list.get(i));
        }
        out.add(read(stringKeys(m, at), at));
      }
      return out;
    }

    void rejectUnread() {
      for (String key : map.keySet()) {
        if (!read.contains(key)) {
          throw new IllegalArgumentException(path + ": unknown entry '" + key + "'");
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> stringKeys(Map<?, ?> m, String path) {
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw new IllegalArgumentException(path + ": keys must be strings, got " + k);
      }
    }
    return (Map<String, ?>) m;
  }
}
