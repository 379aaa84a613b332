package dev.backprop.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parsed JSON of a safetensors header into tensor entries and metadata, checking each
 * entry on its own: known dtype, integer shape, {@code [begin, end]} offsets, and a byte length
 * that matches shape × dtype size, computed without overflow. How the entries fit together is
 * checked by {@link SafetensorsHeader}.
 */
final class HeaderFields {

    static final String METADATA_KEY = "__metadata__";
    private static final Set<String> TENSOR_FIELDS = Set.of("dtype", "shape", "data_offsets");

    private final List<TensorEntry> entries = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Path path;

    private HeaderFields(Path path) {
        this.path = path;
    }

    static HeaderFields parse(Path path, Map<String, Object> root) throws ModelFormatException {
        HeaderFields fields = new HeaderFields(path);
        for (Map.Entry<String, Object> member : root.entrySet()) {
            if (METADATA_KEY.equals(member.getKey())) {
                fields.metadata(member.getValue());
            } else {
                fields.entries.add(fields.tensor(member.getKey(), member.getValue()));
            }
        }
        return fields;
    }

    /** The tensors in header order. */
    List<TensorEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** All metadata entries in header order, reserved keys included. */
    Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    private void metadata(Object value) throws ModelFormatException {
        if (!(value instanceof Map)) {
            throw fail(METADATA_KEY + " must be an object of strings, found " + Json.typeName(value));
        }
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
            if (!(entry.getValue() instanceof String)) {
                throw fail(METADATA_KEY + " entry " + Json.write(entry.getKey()) + " must be a string,"
                        + " found " + describe(entry.getValue()) + " (safetensors metadata maps strings to strings)");
            }
            metadata.put((String) entry.getKey(), (String) entry.getValue());
        }
    }

    private TensorEntry tensor(String name, Object value) throws ModelFormatException {
        String where = "tensor " + Json.write(name);
        if (!(value instanceof Map)) {
            throw fail(where + ": expected an object with \"dtype\", \"shape\" and \"data_offsets\", found "
                    + Json.typeName(value));
        }
        Map<?, ?> fields = (Map<?, ?>) value;
        for (Object key : fields.keySet()) {
            if (!TENSOR_FIELDS.contains(key)) {
                throw fail(where + ": unknown field " + Json.write(key)
                        + "; expected only \"dtype\", \"shape\" and \"data_offsets\"");
            }
        }
        SafetensorsDtype dtype = dtype(where, required(where, fields, "dtype"));
        int[] shape = shape(where, required(where, fields, "shape"));
        long[] offsets = offsets(where, required(where, fields, "data_offsets"));
        long bytes = byteLength(where, dtype, shape);
        if (bytes != offsets[1] - offsets[0]) {
            throw fail(String.format("%s: shape %s of %s needs %,d bytes, but data_offsets [%d, %d] span %,d",
                    where, Json.write(shape), dtype, bytes, offsets[0], offsets[1], offsets[1] - offsets[0]));
        }
        return new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private Object required(String where, Map<?, ?> fields, String field) throws ModelFormatException {
        if (!fields.containsKey(field)) {
            throw fail(where + ": missing field \"" + field + "\"");
        }
        return fields.get(field);
    }

    private SafetensorsDtype dtype(String where, Object value) throws ModelFormatException {
        SafetensorsDtype dtype = value instanceof String ? SafetensorsDtype.fromCode((String) value) : null;
        if (dtype == null) {
            throw fail(where + ": dtype must be one of " + java.util.Arrays.toString(SafetensorsDtype.values())
                    + ", found " + describe(value));
        }
        return dtype;
    }

    private int[] shape(String where, Object value) throws ModelFormatException {
        if (!(value instanceof List)) {
            throw fail(where + ": shape must be an array of dimensions, found " + describe(value));
        }
        List<?> dims = (List<?>) value;
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            Object dim = dims.get(i);
            if (!(dim instanceof Long) || (Long) dim < 0 || (Long) dim > Integer.MAX_VALUE) {
                throw fail(String.format("%s: shape[%d] must be an integer from 0 to %,d, found %s",
                        where, i, Integer.MAX_VALUE, describe(dim)));
            }
            shape[i] = (int) (long) (Long) dim;
        }
        return shape;
    }

    private long[] offsets(String where, Object value) throws ModelFormatException {
        List<?> pair = value instanceof List ? (List<?>) value : List.of();
        boolean valid = pair.size() == 2 && pair.get(0) instanceof Long && pair.get(1) instanceof Long
                && (Long) pair.get(0) >= 0 && (Long) pair.get(0) <= (Long) pair.get(1);
        if (!valid) {
            throw fail(where + ": data_offsets must be [begin, end] with 0 <= begin <= end, found "
                    + describe(value));
        }
        return new long[] {(Long) pair.get(0), (Long) pair.get(1)};
    }

    private long byteLength(String where, SafetensorsDtype dtype, int[] shape) throws ModelFormatException {
        try {
            long elements = 1;
            for (int dim : shape) {
                elements = Math.multiplyExact(elements, dim);
            }
            return Math.multiplyExact(elements, dtype.byteSize());
        } catch (ArithmeticException overflow) {
            throw fail(String.format("%s: shape %s of %s has more bytes than a 64-bit count can hold",
                    where, Json.write(shape), dtype));
        }
    }

    /** Shows a found value in a message: literals as written, strings quoted, containers by type. */
    private static String describe(Object value) {
        if (value instanceof String) {
            return Json.write(JsonStrings.abbreviate((String) value, 40));
        }
        if (value instanceof Map) {
            return "an object";
        }
        String literal = Json.write(value);
        return literal.length() > 60 ? Json.typeName(value) + " of " + literal.length() + " chars" : literal;
    }

    private ModelFormatException fail(String problem) {
        return new ModelFormatException(path, problem);
    }
}
