package dev.backprop.io;

/**
 * The slow path of JSON string parsing (escapes, control characters, surrogates) and string
 * quoting for the writer. Both sides refuse lone UTF-16 surrogates, which have no UTF-8 encoding:
 * what the writer accepts, the parser reads back unchanged.
 */
final class JsonStrings {

    private JsonStrings() {
    }

    /**
     * Parses the rest of a string whose plain prefix runs from {@code start} (just after the
     * opening quote) to {@code i}, the first char that needs attention.
     */
    static String parseEscaped(JsonParser parser, int start, int i) {
        String text = parser.text();
        StringBuilder out = new StringBuilder().append(text, start, i);
        while (i < text.length()) {
            char c = text.charAt(i);
            parser.pos(i);
            if (c == '"') {
                parser.pos(i + 1);
                return out.toString();
            } else if (c == '\\') {
                i = escape(parser, out, i);
            } else if (c < 0x20) {
                throw parser.error(String.format(
                        "control character U+%04X must be escaped in a string", (int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                throw parser.error(String.format("lone surrogate U+%04X in a string", (int) c));
            } else {
                out.append(c);
                i++;
            }
        }
        parser.pos(start - 1);
        throw parser.error("unterminated string: no closing '\"' before the end of input");
    }

    /** Appends the escape at {@code i} (a backslash) and returns the index after it. */
    private static int escape(JsonParser parser, StringBuilder out, int i) {
        String text = parser.text();
        parser.pos(i + 1);
        int e = parser.peek();
        switch (e) {
            case '"': out.append('"'); return i + 2;
            case '\\': out.append('\\'); return i + 2;
            case '/': out.append('/'); return i + 2;
            case 'b': out.append('\b'); return i + 2;
            case 'f': out.append('\f'); return i + 2;
            case 'n': out.append('\n'); return i + 2;
            case 'r': out.append('\r'); return i + 2;
            case 't': out.append('\t'); return i + 2;
            case 'u': break;
            default:
                throw parser.error("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)"
                        + " after '\\', found " + parser.found());
        }
        char unit = hex4(parser, i + 2);
        if (Character.isHighSurrogate(unit) && text.startsWith("\\u", i + 6)) {
            char low = hex4(parser, i + 8);
            if (Character.isLowSurrogate(low)) {
                out.append(unit).append(low);
                return i + 12;
            }
        }
        if (Character.isSurrogate(unit)) {
            parser.pos(i);
            throw parser.error(String.format("lone surrogate \\u%04X: a high surrogate must be"
                    + " followed by a \\u-escaped low surrogate", (int) unit));
        }
        out.append(unit);
        return i + 6;
    }

    private static char hex4(JsonParser parser, int at) {
        String text = parser.text();
        int value = 0;
        for (int k = 0; k < 4; k++) {
            parser.pos(at + k);
            int digit = at + k < text.length() ? Character.digit(text.charAt(at + k), 16) : -1;
            if (digit < 0) {
                throw parser.error("expected 4 hex digits after \\u, found " + parser.found());
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    /** Throws if {@code s} holds a lone surrogate, which has no UTF-8 form. */
    static void requireWellFormed(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format(
                        "%s holds a lone surrogate U+%04X at index %d; it has no UTF-8 form", what, (int) c, i));
            }
        }
    }

    /** Shortens {@code s} to at most {@code max} code points plus "...", never splitting a pair. */
    static String abbreviate(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max)) + "...";
    }

    /** Appends {@code s} as a quoted JSON string; throws if it holds a lone surrogate. */
    static void quote(CharSequence s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        requireWellFormed(s.toString(), "a string");
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
