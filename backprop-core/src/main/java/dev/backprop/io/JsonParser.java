package dev.backprop.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for RFC 8259 JSON, strict: no comments, trailing commas, leading
 * zeros, NaN, duplicate keys, unescaped control characters or lone surrogates. Recursion depth is
 * bounded by {@link JsonLimits#maxDepth()}, so deep input cannot overflow the stack.
 */
final class JsonParser {

    private final String text;
    private final JsonLimits limits;
    private int pos;
    private int depth;

    private JsonParser(String text, JsonLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    static Object parse(String text, JsonLimits limits, boolean requireObject) {
        JsonParser parser = new JsonParser(text, limits);
        if (text.length() > limits.maxLength()) {
            parser.pos = limits.maxLength();
            throw parser.error("input is " + text.length() + " chars long, the limit is "
                    + limits.maxLength());
        }
        parser.skipWhitespace();
        if (requireObject && parser.peek() != '{') {
            throw parser.error("expected a JSON object ('{'), found " + parser.found());
        }
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("expected end of input after the JSON value, found " + parser.found());
        }
        return value;
    }

    private Object value() {
        int c = peek();
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return JsonNumbers.parse(this);
                }
                throw error("expected a JSON value (object, array, string, number, true, false or null),"
                        + " found " + found());
        }
    }

    private Map<String, Object> object() {
        enter();
        pos++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            if (peek() != '"') {
                throw error("expected a string key in an object, found " + found());
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':', "after an object key");
            skipWhitespace();
            if (members.containsKey(key)) {
                pos = keyStart;
                throw error("duplicate key " + Json.write(key) + " in an object");
            }
            members.put(key, value());
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                depth--;
                return Collections.unmodifiableMap(members);
            }
            expect(',', "or '}' after an object member");
            skipWhitespace();
        }
    }

    private List<Object> array() {
        enter();
        pos++;
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            elements.add(value());
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                depth--;
                return Collections.unmodifiableList(elements);
            }
            expect(',', "or ']' after an array element");
            skipWhitespace();
        }
    }

    private void enter() {
        if (++depth > limits.maxDepth()) {
            throw error("nesting deeper than " + limits.maxDepth() + " levels of arrays and objects");
        }
    }

    private String string() {
        int start = ++pos;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return text.substring(start, i);
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                return JsonStrings.parseEscaped(this, start, i);
            }
        }
        pos = start - 1;
        throw error("unterminated string: no closing '\"' before the end of input");
    }

    private Object literal(String word, Object result) {
        if (!text.startsWith(word, pos)) {
            throw error("expected '" + word + "', found " + found());
        }
        pos += word.length();
        return result;
    }

    private void expect(char c, String context) {
        if (peek() != c) {
            throw error("expected '" + c + "' " + context + ", found " + found());
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** Returns the current char, or -1 at the end of input. */
    int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    String text() {
        return text;
    }

    int pos() {
        return pos;
    }

    void pos(int newPos) {
        pos = newPos;
    }

    /** Describes the char at the current position for an error message. */
    String found() {
        if (pos >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(pos);
        if (c >= 0x20 && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }

    /** An error at the current position, with its line and column. */
    JsonException error(String reason) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (c == '\n' || (c == '\r' && !crlf)) {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonException(pos, line, pos - lineStart + 1, reason);
    }
}
