package dev.backprop.io;

import java.util.Map;

/**
 * Strict JSON (RFC 8259) to and from plain Java values, with no dependencies.
 *
 * <p>Parsing maps a JSON object to an unmodifiable {@code Map<String, Object>} in document order,
 * an array to an unmodifiable {@code List<Object>}, a string to {@link String}, an integer literal
 * that fits to {@link Long} and any other number to {@link Double}, {@code true}/{@code false} to
 * {@link Boolean} and {@code null} to {@code null}. Comments, trailing commas, leading zeros,
 * {@code NaN}, duplicate keys, unescaped control characters and lone surrogates are refused with
 * a {@link JsonException} giving the line, column, offset and what was expected.
 *
 * <p>Writing accepts those types plus any {@link Map} with string keys, {@link Iterable}, Java
 * array, {@link CharSequence}, {@link java.nio.file.Path} (as its string) and the standard
 * {@link Number} types. A double is written so that
 * it parses back to the identical double; NaN and the infinities have no JSON form and are
 * refused with the path to the value ({@code $.metrics.loss}).
 *
 * <pre>{@code
 * Map<String, Object> report = Json.parseObject("{\"accuracy\": 0.89, \"epochs\": 20}");
 * String line = Json.write(Map.of("loss", 0.25));        // {"loss":0.25}
 * }</pre>
 */
public final class Json {

    private Json() {
    }

    /**
     * Parses a JSON text within {@link JsonLimits#DEFAULT}.
     *
     * @param text the whole JSON text; whitespace may surround the value
     * @return the value: Map, List, String, Long, Double, Boolean or null
     * @throws JsonException if the text is not exactly one well-formed JSON value
     */
    public static Object parse(CharSequence text) {
        return parse(text, JsonLimits.DEFAULT);
    }

    /**
     * Parses a JSON text within the given limits.
     *
     * @param text   the whole JSON text
     * @param limits the deepest nesting and longest text accepted
     * @return the value: Map, List, String, Long, Double, Boolean or null
     * @throws JsonException if the text is malformed or beyond the limits
     */
    public static Object parse(CharSequence text, JsonLimits limits) {
        return JsonParser.parse(text.toString(), limits, false);
    }

    /**
     * Parses a JSON text that must be an object, within {@link JsonLimits#DEFAULT}.
     *
     * @param text the whole JSON text
     * @return the object's members in document order, unmodifiable
     * @throws JsonException if the text is malformed or its value is not an object
     */
    public static Map<String, Object> parseObject(CharSequence text) {
        return parseObject(text, JsonLimits.DEFAULT);
    }

    /**
     * Parses a JSON text that must be an object, within the given limits.
     *
     * @param text   the whole JSON text
     * @param limits the deepest nesting and longest text accepted
     * @return the object's members in document order, unmodifiable
     * @throws JsonException if the text is malformed, beyond the limits, or not an object
     */
    public static Map<String, Object> parseObject(CharSequence text, JsonLimits limits) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) JsonParser.parse(text.toString(), limits, true);
        return object;
    }

    /**
     * Writes a value as compact JSON, on one line with no spaces.
     *
     * @param value Map (string keys), Iterable, array, CharSequence, Path, Number, Boolean or null
     * @return the JSON text
     * @throws IllegalArgumentException naming the path to a value that has no JSON form
     *                                  (NaN, infinity, lone surrogate, other type, cycle)
     */
    public static String write(Object value) {
        return JsonWriter.write(value, false, JsonLimits.DEFAULT.maxDepth());
    }

    /**
     * Writes a value as JSON indented by two spaces, one member or element per line.
     *
     * @param value Map (string keys), Iterable, array, CharSequence, Path, Number, Boolean or null
     * @return the JSON text, without a trailing newline
     * @throws IllegalArgumentException naming the path to a value that has no JSON form
     */
    public static String writePretty(Object value) {
        return JsonWriter.write(value, true, JsonLimits.DEFAULT.maxDepth());
    }

    /**
     * Names the JSON type of a parsed value, for error messages: "an object", "a string", ...
     *
     * @param value a value as returned by {@link #parse(CharSequence)}
     * @return the JSON type name with its article
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof Iterable) {
            return "an array";
        } else if (value instanceof CharSequence) {
            return "a string";
        } else if (value instanceof Number) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a " + value.getClass().getName();
    }
}
