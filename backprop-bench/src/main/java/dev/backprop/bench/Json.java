package dev.backprop.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the benchmark reports as JSON (RFC 8259): objects from maps, arrays from lists and
 * primitive arrays, numbers, strings, booleans and null, indented by two spaces.
 */
final class Json {
  private final StringBuilder out = new StringBuilder();

  private Json() {}

  /** The JSON text of {@code object}; non-finite numbers are rejected, naming their key. */
  static String write(Map<String, ?> object) {
    Json json = new Json();
    json.value(object, 0, "");
    return json.out.append('\n').toString();
  }

  private void value(Object v, int depth, String path) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Map<?, ?> map) {
      object(map, depth, path);
    } else if (v instanceof List<?> list) {
      array(list, depth, path);
    } else if (v instanceof double[] doubles) {
      array(Arrays.stream(doubles).boxed().toList(), depth, path);
    } else if (v instanceof int[] ints) {
      array(Arrays.stream(ints).boxed().toList(), depth, path);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d + " (at '" + path + "')");
      }
      out.append(d);
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof CharSequence s) {
      string(s);
    } else {
      throw new IllegalArgumentException(
          "cannot write " + v.getClass().getName() + " as JSON (at '" + path + "')");
    }
  }

  private void object(Map<?, ?> map, int depth, String path) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    String sep = "\n";
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      out.append(sep);
      indent(depth + 1);
      string(key);
      out.append(": ");
      value(e.getValue(), depth + 1, path.isEmpty() ? key : path + "." + key);
      sep = ",\n";
    }
    out.append('\n');
    indent(depth);
    out.append('}');
  }

  private void array(List<?> list, int depth, String path) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      out.append(i == 0 ? "" : ", ");
      value(list.get(i), depth, path + "[" + i + "]");
    }
    out.append(']');
  }

  private void string(CharSequence s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void indent(int depth) {
    out.append("  ".repeat(depth));
  }
}
