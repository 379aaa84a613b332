package dev.backprop.data;

import java.util.Locale;
import java.util.Set;

/**
 * How a CSV cell reads as a number. Numbers are plain decimals with an optional exponent
 * ({@code -1.5e3}); Java-only forms such as {@code 1f} or hexadecimal are text. A cell is missing
 * when it is empty or one of {@code NA}, {@code N/A}, {@code NaN}, {@code null}, {@code ?}
 * (any case).
 */
final class Cells {
  enum Kind { NUMBER, MISSING, NOT_FINITE, TEXT }

  private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "?");
  private static final Set<String> INFINITY = Set.of("inf", "infinity");

  private Cells() {}

  static Kind kind(String cell) {
    if (isMissing(cell)) {
      return Kind.MISSING;
    }
    if (isDecimal(cell)) {
      return Float.isFinite(Float.parseFloat(cell)) ? Kind.NUMBER : Kind.NOT_FINITE;
    }
    String unsigned = cell.substring(skipSign(cell, 0));
    return INFINITY.contains(unsigned.toLowerCase(Locale.ROOT)) ? Kind.NOT_FINITE : Kind.TEXT;
  }

  /** The value of a cell holding a finite number, or NaN for any other cell. */
  static float value(String cell) {
    if (!isDecimal(cell)) {
      return Float.NaN;
    }
    float value = Float.parseFloat(cell);
    return Float.isFinite(value) ? value : Float.NaN;
  }

  static boolean isMissing(String cell) {
    return cell.length() <= 4 && MISSING.contains(cell.toLowerCase(Locale.ROOT));
  }

  static boolean isWholeNumber(float value) {
    return value == Math.rint(value);
  }

  // [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
  private static boolean isDecimal(String s) {
    int start = skipSign(s, 0);
    int i = skipDigits(s, start);
    int digits = i - start;
    if (i < s.length() && s.charAt(i) == '.') {
      int fractionEnd = skipDigits(s, i + 1);
      digits += fractionEnd - i - 1;
      i = fractionEnd;
    }
    if (digits == 0) {
      return false;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int exponentStart = skipSign(s, i + 1);
      i = skipDigits(s, exponentStart);
      if (i == exponentStart) {
        return false;
      }
    }
    return i == s.length();
  }

  private static int skipSign(String s, int i) {
    return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
  }

  private static int skipDigits(String s, int i) {
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }
}
