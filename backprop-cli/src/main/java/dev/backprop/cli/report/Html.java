package dev.backprop.cli.report;

/**
 * A small markup builder for XHTML-compatible HTML and SVG: every element is closed, every
 * attribute quoted and every piece of text escaped, so the page also parses as XML.
 */
final class Html {

    private static final char REPLACEMENT = '\uFFFD';

    private final StringBuilder out = new StringBuilder(1 << 15);

    /** Opens {@code tag}; {@code attributes} are name/value pairs, values are escaped. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        appendAttributes(attributes);
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element without content, written as {@code <tag ... />}. */
    Html empty(String tag, String... attributes) {
        out.append('<').append(tag);
        appendAttributes(attributes);
        out.append("/>");
        return this;
    }

    /** An element holding only {@code text}. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Appends trusted markup written by this package (the doctype, the style sheet). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    private void appendAttributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs, got " + attributes.length);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Escapes text for element content and attribute values. Characters that neither HTML nor XML
     * allow (C0 controls other than tab and line breaks, C1 controls, unpaired surrogates, U+FFFE and
     * U+FFFF) become U+FFFD, so a stray byte in a user's CSV cannot break the page.
     *
     * @param text any string, for example a class label read from a user's file
     * @return the text, safe to place between tags or inside double-quoted attribute values
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> i = appendChecked(text, i, escaped);
            }
        }
        return escaped.toString();
    }

    /** Appends the character at {@code i} (a pair if it starts one) and returns the last index used. */
    private static int appendChecked(String text, int i, StringBuilder escaped) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            escaped.append(c).append(text.charAt(i + 1));
            return i + 1;
        }
        boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
        boolean invalid = control || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF';
        escaped.append(invalid ? REPLACEMENT : c);
        return i;
    }
}
