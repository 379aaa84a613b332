package dev.backprop.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.CRC32;

/**
 * A safetensors file read fully into memory: named tensors in header order, each a dtype, a
 * shape and its elements, plus the {@code __metadata__} strings.
 *
 * <p>{@link #read(Path)} validates the whole header before it allocates anything large (see
 * docs/model-format.md for every rule) and, when the file carries a {@code backprop.crc32}
 * checksum, verifies it before returning: a damaged file throws {@link ModelFormatException},
 * never yields wrong numbers. Immutable and safe to share between threads; each accessor returns
 * a fresh copy.
 *
 * <pre>{@code
 * SafetensorsFile file = SafetensorsFile.read(Path.of("model.bpm"));
 * float[] w = file.floats("dense1.weight");   // row-major, shape file.shape("dense1.weight")
 * String arch = file.metadata().get("backprop.architecture");
 * }</pre>
 */
public final class SafetensorsFile {

    private final Path path;
    private final Map<String, TensorEntry> entries;
    private final Map<String, Object> arrays;
    private final Map<String, String> metadata;
    private final boolean checksummed;

    private SafetensorsFile(Path path, SafetensorsHeader header, Map<String, Object> arrays,
                            boolean checksummed) {
        this.path = path;
        Map<String, TensorEntry> byName = new LinkedHashMap<>();
        header.entries().forEach(e -> byName.put(e.name(), e));
        this.entries = Collections.unmodifiableMap(byName);
        this.arrays = arrays;
        Map<String, String> userMetadata = new LinkedHashMap<>(header.metadata());
        userMetadata.keySet().removeIf(ContentChecksum::isReserved);
        this.metadata = Collections.unmodifiableMap(userMetadata);
        this.checksummed = checksummed;
    }

    /**
     * Reads and validates a whole safetensors file.
     *
     * @param path the file
     * @return its tensors and metadata
     * @throws ModelFormatException if the file is not a valid safetensors file, or fails its
     *                              checksum; the message names the file, the byte offset or
     *                              tensor, and what was expected
     * @throws IOException          if the file cannot be read at all
     */
    public static SafetensorsFile read(Path path) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.READ)) {
            return read(channel, path);
        }
    }

    /** Reads from any channel; {@code path} names it in messages. */
    static SafetensorsFile read(SeekableByteChannel channel, Path path) throws IOException {
        SafetensorsHeader header = SafetensorsHeader.read(channel, path);
        String expectedCrc = expectedChecksum(path, header.metadata());
        CRC32 crc = expectedCrc == null ? null : ContentChecksum.begin(header.entries(), header.metadata());
        Map<String, Object> arrays = LittleEndianData.readAll(channel, path, header, crc);
        if (crc != null && !ContentChecksum.hex(crc).equals(expectedCrc)) {
            throw new ModelFormatException(path, "checksum mismatch: " + ContentChecksum.CRC_KEY + " says "
                    + expectedCrc + ", the content gives " + ContentChecksum.hex(crc) + "; the file is damaged");
        }
        return new SafetensorsFile(path, header, arrays, crc != null);
    }

    /** Returns the recorded checksum, or null for a file without one; checks the reserved keys. */
    private static String expectedChecksum(Path path, Map<String, String> metadata) throws ModelFormatException {
        String format = metadata.get(ContentChecksum.FORMAT_KEY);
        String crc = metadata.get(ContentChecksum.CRC_KEY);
        if (format != null && !ContentChecksum.FORMAT_VERSION.equals(format)) {
            throw new ModelFormatException(path, ContentChecksum.FORMAT_KEY + " is " + Json.write(format)
                    + ", but this version of backprop reads format \"" + ContentChecksum.FORMAT_VERSION
                    + "\" (a newer backprop wrote it, or the header is damaged)");
        }
        if ((format == null) != (crc == null)) {
            throw new ModelFormatException(path, "__metadata__ has " + (format == null
                    ? ContentChecksum.CRC_KEY + " but no " + ContentChecksum.FORMAT_KEY
                    : ContentChecksum.FORMAT_KEY + " but no " + ContentChecksum.CRC_KEY)
                    + "; the header is damaged");
        }
        if (crc != null && !ContentChecksum.isWellFormed(crc)) {
            throw new ModelFormatException(path, ContentChecksum.CRC_KEY + " must be 8 lowercase hex digits,"
                    + " found " + Json.write(JsonStrings.abbreviate(crc, 20)));
        }
        return crc;
    }

    /**
     * Returns the file this was read from.
     *
     * @return the path as given to {@link #read(Path)}
     */
    public Path path() {
        return path;
    }

    /**
     * Returns the tensor names in header order (the order they were written in).
     *
     * @return an unmodifiable list of names
     */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /**
     * Tells whether the file has a tensor of this name.
     *
     * @param name a tensor name
     * @return true if {@link #dtype(String)} and friends will find it
     */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    /**
     * Returns a tensor's element type.
     *
     * @param name a tensor name
     * @return its dtype
     * @throws NoSuchElementException if there is no such tensor
     */
    public SafetensorsDtype dtype(String name) {
        return entry(name).dtype();
    }

    /**
     * Returns a tensor's shape; {@code []} for a scalar.
     *
     * @param name a tensor name
     * @return a fresh copy of the dimensions, outermost first
     * @throws NoSuchElementException if there is no such tensor
     */
    public int[] shape(String name) {
        return entry(name).shape().clone();
    }

    /**
     * Returns the elements of an F32 tensor in row-major order.
     *
     * @param name a tensor name
     * @return a fresh array of ∏ shape elements
     * @throws NoSuchElementException   if there is no such tensor
     * @throws IllegalArgumentException if the tensor is not F32
     */
    public float[] floats(String name) {
        return ((float[]) typed(name, SafetensorsDtype.F32, "floats")).clone();
    }

    /**
     * Returns the elements of an F64 tensor in row-major order.
     *
     * @param name a tensor name
     * @return a fresh array of ∏ shape elements
     * @throws NoSuchElementException   if there is no such tensor
     * @throws IllegalArgumentException if the tensor is not F64
     */
    public double[] doubles(String name) {
        return ((double[]) typed(name, SafetensorsDtype.F64, "doubles")).clone();
    }

    /**
     * Returns the elements of an I64 tensor in row-major order.
     *
     * @param name a tensor name
     * @return a fresh array of ∏ shape elements
     * @throws NoSuchElementException   if there is no such tensor
     * @throws IllegalArgumentException if the tensor is not I64
     */
    public long[] longs(String name) {
        return ((long[]) typed(name, SafetensorsDtype.I64, "longs")).clone();
    }

    /**
     * Returns the elements of an I32 tensor in row-major order.
     *
     * @param name a tensor name
     * @return a fresh array of ∏ shape elements
     * @throws NoSuchElementException   if there is no such tensor
     * @throws IllegalArgumentException if the tensor is not I32
     */
    public int[] ints(String name) {
        return ((int[]) typed(name, SafetensorsDtype.I32, "ints")).clone();
    }

    /**
     * Returns a tensor's data exactly as stored: little-endian, row-major, ∏ shape × dtype size
     * bytes. Works for every dtype, including those without a typed accessor (F16, BF16, U8, ...).
     *
     * @param name a tensor name
     * @return a fresh byte array
     * @throws NoSuchElementException if there is no such tensor
     * @throws IllegalStateException  if the data exceeds the largest Java array (2 GiB); the typed
     *                                accessor still works
     */
    public byte[] bytes(String name) {
        TensorEntry entry = entry(name);
        Object array = arrays.get(name);
        if (array instanceof byte[]) {
            return ((byte[]) array).clone();
        }
        if (entry.byteLength() > SafetensorsHeader.MAX_ARRAY_LENGTH) {
            throw new IllegalStateException(path + ": tensor " + entry.quotedName() + " has " + entry.byteLength()
                    + " bytes, more than one byte array holds; use " + accessorFor(entry.dtype()) + "()");
        }
        ByteBuffer out = ByteBuffer.allocate((int) entry.byteLength()).order(ByteOrder.LITTLE_ENDIAN);
        if (array instanceof float[]) {
            out.asFloatBuffer().put((float[]) array);
        } else if (array instanceof double[]) {
            out.asDoubleBuffer().put((double[]) array);
        } else if (array instanceof long[]) {
            out.asLongBuffer().put((long[]) array);
        } else {
            out.asIntBuffer().put((int[]) array);
        }
        return out.array();
    }

    /**
     * Returns the {@code __metadata__} entries in header order, without the reserved checksum
     * keys {@code backprop.format} and {@code backprop.crc32} (see {@link #checksummed()}).
     *
     * @return an unmodifiable map of strings
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Tells whether the file carried a {@code backprop.crc32} checksum, which {@link #read(Path)}
     * verified. Files written by {@link SafetensorsWriter} carry one unless it was turned off;
     * files from other tools usually do not.
     *
     * @return true if the content was verified against a checksum
     */
    public boolean checksummed() {
        return checksummed;
    }

    private TensorEntry entry(String name) {
        TensorEntry entry = entries.get(name);
        if (entry == null) {
            List<String> known = new ArrayList<>(entries.keySet());
            String listed = known.size() <= 10 ? known.toString()
                    : known.subList(0, 10) + " and " + (known.size() - 10) + " more";
            throw new NoSuchElementException(path + ": no tensor named " + Json.write(name)
                    + "; the file has " + (known.isEmpty() ? "no tensors" : listed));
        }
        return entry;
    }

    private static String accessorFor(SafetensorsDtype dtype) {
        switch (dtype) {
            case F32: return "floats";
            case F64: return "doubles";
            case I64: return "longs";
            case I32: return "ints";
            default: return "bytes";
        }
    }

    private Object typed(String name, SafetensorsDtype expected, String accessor) {
        TensorEntry entry = entry(name);
        if (entry.dtype() != expected) {
            throw new IllegalArgumentException(path + ": tensor " + entry.quotedName() + " is "
                    + entry.dtype() + ", but " + accessor + "() reads " + expected + "; use "
                    + accessorFor(entry.dtype()) + "()");
        }
        return arrays.get(name);
    }
}
