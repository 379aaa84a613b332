package dev.backprop.data;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code builtin:NAME?n=…&noise=…&seed=…&classes=…} specification, validated. Its
 * {@link #toString()} is the complete specification with every parameter, which names the data set.
 */
record BuiltinSpec(String name, int rows, double noise, long seed, int classes) {
  static final String PREFIX = "builtin:";
  static final int MAX_ROWS = 10_000_000;
  static final int MAX_CLASSES = 100;
  static final long DEFAULT_SEED = 42;
  static final int DEFAULT_ROWS = 1000;
  private static final Map<String, Double> DEFAULT_NOISE = Map.of("xor", 0.1, "spirals", 0.05,
      "moons", 0.1, "circles", 0.05, "blobs", 1.0, "sine", 0.1);
  private static final Map<String, Integer> DEFAULT_CLASSES = Map.of("xor", 2, "spirals", 2,
      "moons", 2, "circles", 2, "blobs", 3, "sine", 0);

  BuiltinSpec {
    if (!BuiltinData.NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown built-in data set '" + name
          + "'; the built-in sets are "
          + String.join(", ", BuiltinData.NAMES));
    }
    if (hasClassParameter(name) && (classes < 2 || classes > MAX_CLASSES)) {
      throw new IllegalArgumentException("classes is " + classes + "; expected 2 to "
          + MAX_CLASSES);
    }
    if (rows < Math.max(1, classes) || rows > MAX_ROWS) {
      throw new IllegalArgumentException("n is " + rows + "; expected " + Math.max(1, classes)
          + " to " + MAX_ROWS);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise is " + noise + "; expected a finite number ≥ 0");
    }
  }

  static BuiltinSpec parse(String spec) {
    if (!spec.startsWith(PREFIX)) {
      throw DataException.inFile(spec, "a built-in data set is written builtin:NAME");
    }
    int queryAt = spec.indexOf('?');
    String name = spec.substring(PREFIX.length(), queryAt < 0 ? spec.length() : queryAt);
    if (!DEFAULT_NOISE.containsKey(name)) {
      throw DataException.inFile(spec, "unknown built-in data set '" + name
          + "'; the built-in sets are "
          + String.join(", ", BuiltinData.NAMES));
    }
    String query = queryAt < 0 ? "" : spec.substring(queryAt + 1);
    Map<String, String> parameters = parameters(spec, query, name);
    String classes = parameters.getOrDefault("classes", "" + DEFAULT_CLASSES.get(name));
    try {
      return new BuiltinSpec(name,
          (int) whole(spec, "n", parameters.getOrDefault("n", "" + DEFAULT_ROWS)),
          real(spec, "noise", parameters.getOrDefault("noise", "" + DEFAULT_NOISE.get(name))),
          whole(spec, "seed", parameters.getOrDefault("seed", "" + DEFAULT_SEED)),
          (int) whole(spec, "classes", classes));
    } catch (IllegalArgumentException e) {
      throw DataException.inFile(spec, e.getMessage());
    }
  }

  private static Map<String, String> parameters(String spec, String query, String name) {
    Set<String> allowed = hasClassParameter(name) ? Set.of("n", "noise", "seed", "classes")
        : Set.of("n", "noise", "seed");
    Map<String, String> parameters = new HashMap<>();
    for (String pair : query.isEmpty() ? new String[0] : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (!allowed.contains(key)) {
        throw DataException.inFile(spec, "builtin:" + name + " has no parameter '" + key
            + "'; its parameters are " + String.join(", ", allowed.stream().sorted().toList()));
      }
      if (equals < 0 || parameters.put(key, pair.substring(equals + 1)) != null) {
        throw DataException.inFile(spec, "parameter " + key + " needs exactly one value, as "
            + key + "=VALUE");
      }
    }
    return parameters;
  }

  private static long whole(String spec, String key, String value) {
    try {
      long parsed = Long.parseLong(value);
      if (!key.equals("seed") && (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE)) {
        throw DataException.inFile(spec, key + " is " + value + ", out of range");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw DataException.inFile(spec, key + " must be a whole number, not '" + value + "'");
    }
  }

  private static double real(String spec, String key, String value) {
    float parsed = Cells.value(value);
    if (Float.isNaN(parsed)) {
      throw DataException.inFile(spec, key + " must be a finite number, not '" + value + "'");
    }
    return Double.parseDouble(value);
  }

  private static boolean hasClassParameter(String name) {
    return name.equals("spirals") || name.equals("blobs");
  }

  /**
   * @return the complete specification, for example {@code builtin:moons?n=1000&noise=0.1&seed=42}
   */
  @Override
  public String toString() {
    return PREFIX + name + "?n=" + rows + "&noise=" + noise + "&seed=" + seed
        + (hasClassParameter(name) ? "&classes=" + classes : "");
  }
}
