package dev.backprop.io;

/**
 * JSON numbers: the strict RFC 8259 grammar {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}
 * on read, and the shortest-round-trip decimal form on write.
 *
 * <p>An integer literal that fits a {@code long} reads as {@link Long}; every other number reads
 * as {@link Double} (so {@code 2.0} stays a double and {@code 2} stays a long through a round
 * trip). A literal beyond the double range is refused rather than read as infinity.
 */
final class JsonNumbers {

    private JsonNumbers() {
    }

    static Object parse(JsonParser parser) {
        String text = parser.text();
        int start = parser.pos();
        int i = start;
        if (text.charAt(i) == '-') {
            i++;
        }
        if (at(text, i) == '0') {
            i++;
            if (isDigit(at(text, i))) {
                parser.pos(i);
                throw parser.error("leading zeros are not allowed in a number");
            }
        } else {
            i = digits(parser, i, "after '-'");
        }
        boolean integral = true;
        if (at(text, i) == '.') {
            integral = false;
            i = digits(parser, i + 1, "after the decimal point");
        }
        if (at(text, i) == 'e' || at(text, i) == 'E') {
            integral = false;
            i++;
            if (at(text, i) == '+' || at(text, i) == '-') {
                i++;
            }
            i = digits(parser, i, "in the exponent");
        }
        parser.pos(i);
        return value(parser, text.substring(start, i), integral, start);
    }

    private static Object value(JsonParser parser, String literal, boolean integral, int start) {
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException beyondLong) {
                // Falls through: a double is the nearest value JSON readers agree on.
            }
        }
        double d = Double.parseDouble(literal);
        if (Double.isInfinite(d)) {
            parser.pos(start);
            throw parser.error("number " + abbreviate(literal) + " is beyond the range of a double");
        }
        return d;
    }

    private static int digits(JsonParser parser, int i, String context) {
        String text = parser.text();
        if (!isDigit(at(text, i))) {
            parser.pos(i);
            throw parser.error("expected a digit " + context + ", found " + parser.found());
        }
        while (isDigit(at(text, i))) {
            i++;
        }
        return i;
    }

    private static int at(String text, int i) {
        return i < text.length() ? text.charAt(i) : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String abbreviate(String literal) {
        return literal.length() <= 40 ? literal : literal.substring(0, 37) + "...";
    }

    /**
     * Appends a number in a form that parses back to the same value and type.
     * {@code Double.toString} (resp. {@code Float.toString}) gives a decimal that parses back to
     * the same double (resp. float), the shortest such from Java 19 on, always with a '.' so it
     * reads back as a double; its {@code 1.0E-5} form is valid JSON.
     */
    static void write(Number n, StringBuilder out) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(
                        "JSON has no " + d + "; store non-finite numbers as strings or null");
            }
            out.append(n instanceof Float ? Float.toString(n.floatValue()) : Double.toString(d));
        } else if (n instanceof Long || n instanceof Integer || n instanceof Short
                || n instanceof Byte || n instanceof java.math.BigInteger
                || n instanceof java.math.BigDecimal) {
            out.append(n);
        } else {
            throw new IllegalArgumentException("cannot write a " + n.getClass().getName()
                    + " as a JSON number; use Long, Integer, Double, Float, BigInteger or BigDecimal");
        }
    }
}
