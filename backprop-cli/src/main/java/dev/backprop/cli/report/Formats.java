package dev.backprop.cli.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for the report; always locale-independent, so reports compare across machines. */
final class Formats {

    /** Shown for a missing (NaN) value. */
    static final String MISSING = "\u2013";

    private Formats() {
    }

    /**
     * A metric value to four significant digits, trailing zeros kept so that columns of values line
     * up ({@code 0.9120}, {@code 12.35}, {@code 1.235e-05}).
     */
    static String metric(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\u221E" : "\u2212\u221E";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4));
        // Rounding never adds digits (1.0 stays "1"); pad the scale back to four significant digits.
        int scale = Math.max(0, 4 - rounded.precision() + rounded.scale());
        return rounded.setScale(scale).toPlainString();
    }

    /** A count with thousands separators ({@code 54,000}). */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A share as a percentage with one decimal ({@code 91.3%}). */
    static String percent(double share) {
        return Double.isNaN(share) ? MISSING : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** A duration for people: {@code 0.042 s}, {@code 12.3 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    static String seconds(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return MISSING;
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.3f s", seconds);
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }

    /** An SVG coordinate: one decimal is finer than a pixel and keeps the page small. */
    static String px(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }

    /**
     * An axis tick label with as many decimals as the tick step needs: step 0.25 gives
     * {@code 0.75}, step 2 gives {@code 14}. Very large or very small ticks use scientific notation.
     * Negative ticks get a true minus sign, as wide as the plus and the digits.
     */
    static String tick(double value, double step) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        String text;
        if (magnitude >= 1e6 || magnitude < 1e-4) {
            text = String.format(Locale.ROOT, "%.2g", value);
        } else {
            BigDecimal exact = new BigDecimal(step).round(new MathContext(3)).stripTrailingZeros();
            int decimals = Math.max(0, exact.scale());
            text = String.format(Locale.ROOT, "%,." + decimals + "f", value);
        }
        return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
    }
}
