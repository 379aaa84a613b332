package dev.backprop.io;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Collects named arrays and metadata strings and writes them as one safetensors file.
 *
 * <p>The header lists tensors in the order they were added; their bytes are laid out by
 * descending element size (8-byte types first, ties in insertion order), and the header is padded
 * with spaces to a multiple of 8 bytes, so every element sits at a file offset that is a multiple
 * of its size, as the reference implementation arranges it. Unless {@link #withoutChecksum()} is
 * called, the reserved metadata keys {@code backprop.format} and {@code backprop.crc32} are added
 * so that {@link SafetensorsFile#read(Path)} detects any damaged byte.
 *
 * <p>The arrays are not copied: they are read when {@code write} runs, so do not change them in
 * between. Not thread-safe.
 *
 * <pre>{@code
 * new SafetensorsWriter()
 *         .add("dense1.weight", weights, 128, 784)
 *         .add("dense1.bias", bias, 128)
 *         .metadata("backprop.architecture", architectureJson)
 *         .write(Path.of("model.bpm"));
 * }</pre>
 */
public final class SafetensorsWriter {

    private final List<TensorEntry> entries = new ArrayList<>();
    private final Map<String, Object> arrays = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private boolean checksum = true;

    /** Creates an empty writer. */
    public SafetensorsWriter() {
    }

    /**
     * Adds an F32 tensor.
     *
     * @param name  a unique name, not {@code __metadata__}
     * @param data  the elements in row-major order
     * @param shape the dimensions; none for a scalar; their product must equal {@code data.length}
     * @return this writer
     * @throws IllegalArgumentException if the name is taken or invalid, or the shape does not fit
     */
    public SafetensorsWriter add(String name, float[] data, int... shape) {
        return put(name, SafetensorsDtype.F32, data, data.length, shape);
    }

    /**
     * Adds an F64 tensor.
     *
     * @param name  a unique name, not {@code __metadata__}
     * @param data  the elements in row-major order
     * @param shape the dimensions; none for a scalar; their product must equal {@code data.length}
     * @return this writer
     * @throws IllegalArgumentException if the name is taken or invalid, or the shape does not fit
     */
    public SafetensorsWriter add(String name, double[] data, int... shape) {
        return put(name, SafetensorsDtype.F64, data, data.length, shape);
    }

    /**
     * Adds an I64 tensor.
     *
     * @param name  a unique name, not {@code __metadata__}
     * @param data  the elements in row-major order
     * @param shape the dimensions; none for a scalar; their product must equal {@code data.length}
     * @return this writer
     * @throws IllegalArgumentException if the name is taken or invalid, or the shape does not fit
     */
    public SafetensorsWriter add(String name, long[] data, int... shape) {
        return put(name, SafetensorsDtype.I64, data, data.length, shape);
    }

    /**
     * Adds an I32 tensor.
     *
     * @param name  a unique name, not {@code __metadata__}
     * @param data  the elements in row-major order
     * @param shape the dimensions; none for a scalar; their product must equal {@code data.length}
     * @return this writer
     * @throws IllegalArgumentException if the name is taken or invalid, or the shape does not fit
     */
    public SafetensorsWriter add(String name, int[] data, int... shape) {
        return put(name, SafetensorsDtype.I32, data, data.length, shape);
    }

    /**
     * Adds a tensor of any dtype from its raw little-endian bytes, for types without a Java
     * array type (F16, BF16, U8, BOOL, ...).
     *
     * @param name  a unique name, not {@code __metadata__}
     * @param dtype the element type
     * @param data  ∏ shape × {@code dtype.byteSize()} bytes, little-endian, row-major
     * @param shape the dimensions; none for a scalar
     * @return this writer
     * @throws IllegalArgumentException if the name is taken or invalid, or the length does not fit
     */
    public SafetensorsWriter add(String name, SafetensorsDtype dtype, byte[] data, int... shape) {
        if (data.length % dtype.byteSize() != 0) {
            throw new IllegalArgumentException("tensor " + Json.write(name) + ": " + data.length
                    + " bytes is not a whole number of " + dtype + " elements");
        }
        return put(name, dtype, data, data.length / dtype.byteSize(), shape);
    }

    /**
     * Adds a {@code __metadata__} entry. Values longer than a line are fine (JSON documents for
     * architecture or provenance are the intended use).
     *
     * @param key   a key not yet used, and not {@code backprop.format} or {@code backprop.crc32}
     * @param value the string value
     * @return this writer
     * @throws IllegalArgumentException if the key is reserved or taken, or either string holds a
     *                                  lone surrogate (which has no UTF-8 form)
     */
    public SafetensorsWriter metadata(String key, String value) {
        JsonStrings.requireWellFormed(key, "metadata key");
        if (ContentChecksum.isReserved(key)) {
            throw new IllegalArgumentException("metadata key " + Json.write(key)
                    + " is reserved for the checksum; see withoutChecksum()");
        }
        if (metadata.containsKey(key)) {
            throw new IllegalArgumentException("metadata key " + Json.write(key) + " was already added");
        }
        JsonStrings.requireWellFormed(value, "metadata value");
        metadata.put(key, value);
        return this;
    }

    /**
     * Leaves out the {@code backprop.format} and {@code backprop.crc32} keys, for a file exactly
     * like other safetensors writers produce. Damage to such a file's data bytes cannot be
     * detected when it is read.
     *
     * @return this writer
     */
    public SafetensorsWriter withoutChecksum() {
        checksum = false;
        return this;
    }

    /**
     * Writes the file atomically ({@link AtomicFiles#write}): the target is replaced only once
     * the complete file is on disk, and is left untouched if anything fails.
     *
     * @param target the file to create or replace
     * @throws IOException if writing fails
     */
    public void write(Path target) throws IOException {
        AtomicFiles.write(target, this::write);
    }

    /**
     * Writes the complete file to a stream, which is not closed.
     *
     * @param out where the bytes go
     * @throws IOException if the stream fails
     */
    public void write(OutputStream out) throws IOException {
        List<TensorEntry> laidOut = layOut();
        List<TensorEntry> dataOrder = dataOrder(laidOut);
        Map<String, String> allMetadata = new LinkedHashMap<>(metadata);
        byte[] scratch = new byte[LittleEndianData.CHUNK_BYTES];
        if (checksum) {
            // The CRC goes in the header, which precedes the data: encode once to checksum, once to write,
            // rather than hold a second copy of the whole data section.
            allMetadata.put(ContentChecksum.FORMAT_KEY, ContentChecksum.FORMAT_VERSION);
            CRC32 crc = ContentChecksum.begin(laidOut, allMetadata);
            for (TensorEntry entry : dataOrder) {
                LittleEndianData.encode(arrays.get(entry.name()), (bytes, length) -> crc.update(bytes, 0, length),
                        scratch);
            }
            allMetadata.put(ContentChecksum.CRC_KEY, ContentChecksum.hex(crc));
        }
        byte[] header = header(laidOut, allMetadata);
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
        out.write(header);
        for (TensorEntry entry : dataOrder) {
            LittleEndianData.encode(arrays.get(entry.name()), (bytes, length) -> out.write(bytes, 0, length),
                    scratch);
        }
    }

    private SafetensorsWriter put(String name, SafetensorsDtype dtype, Object data, long elements, int[] shape) {
        JsonStrings.requireWellFormed(name, "tensor name");
        String where = "tensor " + Json.write(name);
        if (HeaderFields.METADATA_KEY.equals(name)) {
            throw new IllegalArgumentException(where + ": the name is reserved for the metadata");
        }
        if (arrays.containsKey(name)) {
            throw new IllegalArgumentException(where + " was already added");
        }
        if (Arrays.stream(shape).anyMatch(dim -> dim < 0)) {
            throw new IllegalArgumentException(where + ": negative dimension in shape " + Arrays.toString(shape));
        }
        if (elementCount(shape) != elements) {
            throw new IllegalArgumentException(where + ": shape " + Arrays.toString(shape) + " does not hold "
                    + elements + " elements");
        }
        entries.add(new TensorEntry(name, dtype, shape.clone(), 0, elements * dtype.byteSize()));
        arrays.put(name, data);
        return this;
    }

    /** The product of the dimensions, or -1 if it overflows a long (so it matches no array). */
    private static long elementCount(int[] shape) {
        if (Arrays.stream(shape).anyMatch(dim -> dim == 0)) {
            return 0;
        }
        try {
            return Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact);
        } catch (ArithmeticException overflow) {
            return -1;
        }
    }

    /** The entries in insertion order, with offsets for the data order. */
    private List<TensorEntry> layOut() {
        Map<String, TensorEntry> placed = new LinkedHashMap<>();
        entries.forEach(e -> placed.put(e.name(), e));
        long offset = 0;
        for (TensorEntry e : dataOrder(entries)) {
            placed.put(e.name(), new TensorEntry(e.name(), e.dtype(), e.shape(), offset, offset + e.byteLength()));
            offset += e.byteLength();
        }
        return new ArrayList<>(placed.values());
    }

    /** Widest elements first, so each starts at a multiple of its size; stable otherwise. */
    private static List<TensorEntry> dataOrder(List<TensorEntry> entries) {
        List<TensorEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingInt((TensorEntry e) -> -e.dtype().byteSize()));
        return ordered;
    }

    private static byte[] header(List<TensorEntry> laidOut, Map<String, String> metadata) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            root.put(HeaderFields.METADATA_KEY, metadata);
        }
        for (TensorEntry e : laidOut) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("dtype", e.dtype().name());
            fields.put("shape", e.shape());
            fields.put("data_offsets", new long[] {e.begin(), e.end()});
            root.put(e.name(), fields);
        }
        byte[] json = Json.write(root).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) & ~7;
        if (padded > SafetensorsHeader.MAX_HEADER_BYTES) {
            throw new IllegalStateException("the header would be " + padded + " bytes, more than the "
                    + SafetensorsHeader.MAX_HEADER_BYTES + " that safetensors readers accept");
        }
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }
}
