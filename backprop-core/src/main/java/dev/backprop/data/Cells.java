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

  private static final int SHORT_DIGITS = 7;
  private static final float[] POWERS_OF_TEN = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f};

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
    float simple = shortDecimal(cell);
    if (!Float.isNaN(simple)) {
      return simple;
    }
    if (!isDecimal(cell)) {
      return Float.NaN;
    }
    float value = Float.parseFloat(cell);
    return Float.isFinite(value) ? value : Float.NaN;
  }

  static boolean isMissing(String cell) {
    return cell.length() <= 4 && MISSING.contains(cell.toLowerCase(Locale.ROOT));
  }

  /**
   * The value of a decimal without exponent and with at most 7 digits, or NaN for anything else.
   * Its digits m and fraction length f make exact floats (m < 2^24, 10^f ≤ 10^7 < 2^24), so the
   * one rounding of m / 10^f is the correctly rounded value, bit for bit Float.parseFloat's.
   */
  private static float shortDecimal(String s) {
    int i = skipSign(s, 0);
    int mantissa = 0;
    int digits = 0;
    int fractionDigits = -1;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' && fractionDigits < 0) {
        fractionDigits = 0;
      } else if (c >= '0' && c <= '9' && digits < SHORT_DIGITS) {
        mantissa = 10 * mantissa + (c - '0');
        digits++;
        fractionDigits += fractionDigits >= 0 ? 1 : 0;
      } else {
        return Float.NaN;
      }
    }
    if (digits == 0) {
      return Float.NaN;
    }
    float value = (float) mantissa / POWERS_OF_TEN[Math.max(fractionDigits, 0)];
    return s.charAt(0) == '-' ? -value : value;
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
