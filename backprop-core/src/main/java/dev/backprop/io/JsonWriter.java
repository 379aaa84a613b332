package dev.backprop.io;

import java.lang.reflect.Array;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes Java values as JSON, compact or indented by two spaces. An error names the path to the
 * offending value ({@code $.metrics[2]}), found by unwinding: each container adds its segment.
 */
final class JsonWriter {

    private final boolean pretty;
    private final int maxDepth;
    private final StringBuilder out = new StringBuilder();

    private JsonWriter(boolean pretty, int maxDepth) {
        this.pretty = pretty;
        this.maxDepth = maxDepth;
    }

    static String write(Object value, boolean pretty, int maxDepth) {
        JsonWriter writer = new JsonWriter(pretty, maxDepth);
        try {
            writer.value(value, 0);
        } catch (PathError e) {
            throw new IllegalArgumentException("cannot write $" + e.path + " as JSON: " + e.getMessage());
        }
        return writer.out.toString();
    }

    private void value(Object value, int depth) {
        try {
            scalarOrContainer(value, depth);
        } catch (PathError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PathError(e.getMessage());
        }
    }

    private void scalarOrContainer(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof CharSequence) {
            JsonStrings.quote((CharSequence) value, out);
        } else if (value instanceof java.nio.file.Path) {
            JsonStrings.quote(value.toString(), out);
        } else if (value instanceof Number) {
            JsonNumbers.write((Number) value, out);
        } else if (value instanceof Map) {
            object((Map<?, ?>) value, depth + 1);
        } else if (value instanceof Iterable) {
            array(((Iterable<?>) value).iterator(), depth + 1);
        } else if (value.getClass().isArray()) {
            array(arrayElements(value), depth + 1);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName()
                    + "; JSON values are Map, Iterable, array, CharSequence, Path, Number, Boolean or null");
        }
    }

    private void object(Map<?, ?> map, int depth) {
        checkDepth(depth);
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> member : map.entrySet()) {
            if (!(member.getKey() instanceof String)) {
                throw new PathError("object keys must be strings, found "
                        + (member.getKey() == null ? "null" : member.getKey().getClass().getName()));
            }
            String key = (String) member.getKey();
            separator(first, depth);
            first = false;
            try {
                JsonStrings.quote(key, out);
                out.append(pretty ? ": " : ":");
                value(member.getValue(), depth);
            } catch (PathError e) {
                throw e.under("." + key);
            } catch (IllegalArgumentException e) {
                throw new PathError(e.getMessage()).under("." + key);
            }
        }
        close('}', first, depth);
    }

    private void array(Iterator<?> elements, int depth) {
        checkDepth(depth);
        out.append('[');
        int index = 0;
        while (elements.hasNext()) {
            separator(index == 0, depth);
            try {
                value(elements.next(), depth);
            } catch (PathError e) {
                throw e.under("[" + index + "]");
            }
            index++;
        }
        close(']', index == 0, depth);
    }

    /** Iterates any Java array, primitive or not, boxing its elements. */
    private static Iterator<Object> arrayElements(Object array) {
        int length = Array.getLength(array);
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < length;
            }

            @Override
            public Object next() {
                return Array.get(array, i++);
            }
        };
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw new PathError("nesting deeper than " + maxDepth
                    + " levels (is a container inside itself?)");
        }
    }

    private void separator(boolean first, int depth) {
        if (!first) {
            out.append(',');
        }
        newline(depth);
    }

    private void close(char bracket, boolean empty, int depth) {
        if (!empty) {
            newline(depth - 1);
        }
        out.append(bracket);
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    /** Carries an error outwards while each enclosing container prepends its path segment. */
    private static final class PathError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private String path = "";

        PathError(String message) {
            super(message, null, false, false);
        }

        PathError under(String segment) {
            path = segment + path;
            return this;
        }
    }
}
