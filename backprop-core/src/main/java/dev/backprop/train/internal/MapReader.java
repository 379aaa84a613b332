package dev.backprop.train.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one map of plain values (a parsed JSON object) strictly: every entry read by kind, errors
 * naming the path ({@code $.early_stopping.patience}), and unknown entries refused at the end. For
 * the maps of the train and model packages; not a user API.
 */
public final class MapReader {
  private final Map<String, ?> map;
  private final String path;
  private final Set<String> read = new HashSet<>();

  /** A reader of {@code value}, which must be a map with string keys; {@code path} names it in errors. */
  public MapReader(Object value, String path) {
    if (!(value instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(path + ": expected an object, got " + describe(value));
    }
    for (Object key : m.keySet()) {
      if (!(key instanceof String)) {
        throw new IllegalArgumentException(path + ": keys must be strings, got " + key);
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> typed = (Map<String, ?>) m;
    this.map = typed;
    this.path = path;
  }

  /** The path of an entry, for messages: {@code $.optimizer.lr}. */
  public String path(String key) {
    return path + "." + key;
  }

  /** Whether the entry is present and not JSON null (does not mark it read). */
  public boolean has(String key) {
    return map.get(key) != null;
  }

  /** The raw value, or null when absent or JSON null; marks the entry read. */
  public Object raw(String key) {
    read.add(key);
    return map.get(key);
  }

  private Object required(String key) {
    Object v = raw(key);
    if (v == null) {
      throw new IllegalArgumentException(path(key) + ": missing");
    }
    return v;
  }

  /** The error for an entry of the wrong kind: "PATH: expected EXPECTED, got VALUE". */
  public IllegalArgumentException wrong(String key, Object v, String expected) {
    return new IllegalArgumentException(path(key) + ": expected " + expected + ", got " + describe(v));
  }

  private static String describe(Object v) {
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  /** A required string. */
  public String string(String key) {
    Object v = required(key);
    if (!(v instanceof String s)) {
      throw wrong(key, v, "a string");
    }
    return s;
  }

  /** A required boolean. */
  public boolean bool(String key) {
    Object v = required(key);
    if (!(v instanceof Boolean b)) {
      throw wrong(key, v, "true or false");
    }
    return b;
  }

  /** A required number, or one of the names {@link NonFiniteNumbers} writes for NaN and the infinities. */
  public double number(String key) {
    Object v = required(key);
    if (v instanceof String s) {
      return NonFiniteNumbers.parse(s, () -> wrong(key, v, "a number"));
    }
    if (!(v instanceof Number n)) {
      throw wrong(key, v, "a number");
    }
    return n.doubleValue();
  }

  /** A required whole number within 64 bits. */
  public long longInteger(String key) {
    Object v = required(key);
    if (v instanceof Long || v instanceof Integer) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    if (v instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0 && d.toBigInteger().bitLength() < 64) {
      return d.longValue();
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= 0x1p53) {
      return d.longValue();
    }
    throw wrong(key, v, "a whole number");
  }

  /** A required whole number within 32 bits. */
  public int integer(String key) {
    long v = longInteger(key);
    if (v != (int) v) {
      throw wrong(key, v, "a whole number within 32 bits");
    }
    return (int) v;
  }

  /** A whole number in [min, max]. */
  public int integer(String key, int min, int max) {
    int v = integer(key);
    if (v < min || v > max) {
      throw wrong(key, v, "a whole number from " + min + " to " + max);
    }
    return v;
  }

  /** An enum constant by its lower-case, dash-separated name ({@code skip-batch}). */
  public <E extends Enum<E>> E label(String key, Class<E> type) {
    String s = string(key);
    for (E e : type.getEnumConstants()) {
      if (label(e).equals(s)) {
        return e;
      }
    }
    throw wrong(key, s, "one of " + labels(type));
  }

  /** The label of an enum constant: lower case, dashes for underscores ({@code SKIP_BATCH} → {@code skip-batch}). */
  public static String label(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <E extends Enum<E>> List<String> labels(Class<E> type) {
    return java.util.Arrays.stream(type.getEnumConstants()).map(MapReader::label).toList();
  }

  /** A reader of a required nested object. */
  public MapReader object(String key) {
    return new MapReader(required(key), path(key));
  }

  /** A required array. */
  public List<?> list(String key) {
    Object v = required(key);
    if (!(v instanceof List<?> l)) {
      throw wrong(key, v, "an array");
    }
    return l;
  }

  /** Every entry, for maps whose keys are data (hyperparameter names, metric names). */
  public Map<String, ?> entries() {
    read.addAll(map.keySet());
    return map;
  }

  /** Refuses the first entry no method has read: a typo or an entry of a newer version. */
  public void rejectUnread() {
    for (String key : map.keySet()) {
      if (!read.contains(key)) {
        throw new IllegalArgumentException(path + ": unknown entry '" + key + "'");
      }
    }
  }
}
