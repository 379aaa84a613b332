package dev.backprop.train.internal;

import java.util.function.Supplier;

/**
 * JSON has no NaN or infinities; the maps of training state write them as the strings {@code
 * "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (as Python's json module spells them) and
 * read them back.
 */
public final class NonFiniteNumbers {
  private NonFiniteNumbers() {}

  /** The number itself when finite, else its name. */
  public static Object write(double v) {
    if (Double.isFinite(v)) {
      return v;
    }
    return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  }

  /** The value of a name written by {@link #write}; anything else throws what {@code error} gives. */
  public static double parse(String s, Supplier<IllegalArgumentException> error) {
    return switch (s) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> throw error.get();
    };
  }
}
