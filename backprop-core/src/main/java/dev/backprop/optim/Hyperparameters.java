package dev.backprop.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and checks hyperparameter values for the specs: missing names take the defaults, unknown
 * names and out-of-range values are rejected with the name and the value.
 */
final class Hyperparameters {
  private final String optimizer;
  private final Map<String, Double> values;

  /** Values from {@code given}, the rest from {@code defaults}, whose keys are the only ones known. */
  Hyperparameters(String optimizer, Map<String, Double> given, Map<String, Double> defaults) {
    for (String key : given.keySet()) {
      if (!defaults.containsKey(key)) {
        throw new IllegalArgumentException(
            optimizer + ": unknown hyperparameter '" + key + "'; known: "
                + String.join(", ", defaults.keySet()));
      }
    }
    this.optimizer = optimizer;
    this.values = new LinkedHashMap<>(defaults);
    given.forEach((k, v) -> values.put(k, requireNonNullValue(optimizer, k, v)));
  }

  private static double requireNonNullValue(String optimizer, String key, Double v) {
    if (v == null) {
      throw new IllegalArgumentException(optimizer + ": hyperparameter '" + key + "' is null");
    }
    return v;
  }

  double get(String key) {
    return values.get(key);
  }

  boolean flag(String key) {
    double v = values.get(key);
    if (v != 0 && v != 1) {
      throw new IllegalArgumentException(
          optimizer + ": " + key + " is a flag and must be 0 or 1, got " + v);
    }
    return v == 1;
  }

  /** A map in insertion order for {@code hyperparameters()}; keys and values alternate. */
  static Map<String, Double> ordered(Object... keysAndValues) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object v = keysAndValues[i + 1];
      map.put((String) keysAndValues[i], v instanceof Boolean b ? (b ? 1.0 : 0.0) : (Double) v);
    }
    return Collections.unmodifiableMap(map);
  }

  /** Requires a finite {@code value ≥ 0}. */
  static void nonNegative(String optimizer, String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          optimizer + ": " + name + " must be a finite number >= 0, got " + value);
    }
  }

  /** Requires {@code 0 ≤ value < 1}. */
  static void unitInterval(String optimizer, String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(
          optimizer + ": " + name + " must be in [0, 1), got " + value);
    }
  }
}
