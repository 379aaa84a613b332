package dev.backprop.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads a scheduler's exported state, rejecting missing, unknown and out-of-range values. */
final class SchedulerState {
  private final String scheduler;
  private final Map<String, Double> values;

  SchedulerState(String scheduler, Map<String, Double> values, String... keys) {
    List<String> known = Arrays.asList(keys);
    for (String key : keys) {
      if (values.get(key) == null) {
        throw new IllegalArgumentException(scheduler + " state: missing '" + key + "'");
      }
    }
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            scheduler + " state: unexpected '" + key + "'; expected " + String.join(", ", keys));
      }
    }
    this.scheduler = scheduler;
    this.values = values;
  }

  /** A whole number in [0, Integer.MAX_VALUE]. */
  int count(String key) {
    double v = values.get(key);
    if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
      throw new IllegalArgumentException(
          scheduler + " state: '" + key + "' must be a whole number >= 0, got " + v);
    }
    return (int) v;
  }

  /** A finite number ≥ 0. */
  double nonNegative(String key) {
    double v = values.get(key);
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          scheduler + " state: '" + key + "' must be a finite number >= 0, got " + v);
    }
    return v;
  }

  /** Any number but NaN (±∞ stands for "no best value yet"). */
  double notNaN(String key) {
    double v = values.get(key);
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException(scheduler + " state: '" + key + "' is NaN");
    }
    return v;
  }
}
