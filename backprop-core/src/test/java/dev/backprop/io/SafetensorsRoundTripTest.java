package dev.backprop.io;

import static dev.backprop.io.SafetensorsBytes.assertSameContent;
import static dev.backprop.io.SafetensorsBytes.header;
import static dev.backprop.io.SafetensorsBytes.toBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafetensorsRoundTripTest {

    @TempDir
    Path dir;

    private static final float[] FLOATS = {1f, -0f, 0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
        Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc00000),
        Float.intBitsToFloat(0x7fc12345), Float.intBitsToFloat(0xffc00001), Float.intBitsToFloat(0x7f800001),
        0.1f, 3.4e-39f};
    private static final double[] DOUBLES = {1, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MIN_NORMAL, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.longBitsToDouble(0x7ff8000000000000L), Double.longBitsToDouble(0x7ff8000000012345L),
        Double.longBitsToDouble(0xfff0000000000001L), 0.1, 2.2e-310, Math.PI};
    private static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53};
    private static final int[] INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x12345678};

    @Test
    void everyTypedDtypeRoundTripsBitForBitIncludingNanPayloadsSignedZeroAndSubnormals() throws IOException {
        Path file = dir.resolve("m.bpm");
        new SafetensorsWriter()
                .add("f", FLOATS, 3, 5)
                .add("d", DOUBLES, 5, 3)
                .add("l", LONGS, 2, 3)
                .add("i", INTS, 6)
                .write(file);

        SafetensorsFile read = SafetensorsFile.read(file);

        assertThat(bits(read.floats("f"))).isEqualTo(bits(FLOATS));
        assertThat(bits(read.doubles("d"))).isEqualTo(bits(DOUBLES));
        assertThat(read.longs("l")).isEqualTo(LONGS);
        assertThat(read.ints("i")).isEqualTo(INTS);
        assertThat(read.shape("f")).containsExactly(3, 5);
        assertThat(read.shape("d")).containsExactly(5, 3);
        assertThat(read.dtype("f")).isEqualTo(SafetensorsDtype.F32);
        assertThat(read.dtype("d")).isEqualTo(SafetensorsDtype.F64);
        assertThat(read.dtype("l")).isEqualTo(SafetensorsDtype.I64);
        assertThat(read.dtype("i")).isEqualTo(SafetensorsDtype.I32);
        assertThat(read.checksummed()).isTrue();
    }

    @Test
    void emptyTensorsAndScalarsRoundTrip() throws IOException {
        Path file = dir.resolve("m.bpm");
        new SafetensorsWriter()
                .add("empty", new float[0], 0)
                .add("emptyMatrix", new double[0], 3, 0)
                .add("scalar", new double[] {2.5})
                .add("step", new long[] {42})
                .add("emptyAfterScalar", new int[0], 0, 7)
                .write(file);

        SafetensorsFile read = SafetensorsFile.read(file);

        assertThat(read.names()).containsExactly("empty", "emptyMatrix", "scalar", "step", "emptyAfterScalar");
        assertThat(read.floats("empty")).isEmpty();
        assertThat(read.shape("emptyMatrix")).containsExactly(3, 0);
        assertThat(read.shape("scalar")).isEmpty();
        assertThat(read.doubles("scalar")).containsExactly(2.5);
        assertThat(read.longs("step")).containsExactly(42L);
        assertThat(read.shape("emptyAfterScalar")).containsExactly(0, 7);
        assertThat(read.ints("emptyAfterScalar")).isEmpty();
    }

    @Test
    void aFileWithNoTensorsHoldsOnlyMetadata() throws IOException {
        Path file = dir.resolve("m.bpm");
        new SafetensorsWriter().metadata("only", "metadata").write(file);

        SafetensorsFile read = SafetensorsFile.read(file);

        assertThat(read.names()).isEmpty();
        assertThat(read.metadata()).containsExactly(Map.entry("only", "metadata"));
        assertThat(Files.size(file)).isEqualTo(8 + header(Files.readAllBytes(file)).length());
    }

    @Test
    void otherDtypesRoundTripAsRawLittleEndianBytes() throws IOException {
        Path file = dir.resolve("m.bpm");
        byte[] half = {0x00, 0x3c, 0x00, (byte) 0xc0};
        byte[] flags = {1, 0, 1};
        new SafetensorsWriter()
                .add("half", SafetensorsDtype.F16, half, 2)
                .add("flags", SafetensorsDtype.BOOL, flags, 3)
                .add("f32FromBytes", SafetensorsDtype.F32, new byte[] {0, 0, (byte) 0x80, 0x3f})
                .write(file);

        SafetensorsFile read = SafetensorsFile.read(file);

        assertThat(read.dtype("half")).isEqualTo(SafetensorsDtype.F16);
        assertThat(read.bytes("half")).isEqualTo(half);
        assertThat(read.bytes("flags")).isEqualTo(flags);
        assertThat(read.floats("f32FromBytes")).containsExactly(1f);
        assertThat(read.bytes("f32FromBytes")).containsExactly(0, 0, 0x80, 0x3f);
    }

    @Test
    void headerListsTensorsInInsertionOrderWhileDataIsAlignedWidestFirst() throws IOException {
        Path file = dir.resolve("m.bpm");
        new SafetensorsWriter()
                .add("odd", new int[] {1, 2, 3}, 3)
                .add("half", SafetensorsDtype.F16, new byte[6], 3)
                .add("wide", new double[] {1, 2}, 2)
                .add("f", new float[] {1}, 1)
                .add("l", new long[] {5}, 1)
                .write(file);
        byte[] bytes = Files.readAllBytes(file);
        Map<String, Object> header = Json.parseObject(header(bytes));

        assertThat(header(bytes).length() % 8).isZero();
        assertThat(header.keySet()).containsExactly("__metadata__", "odd", "half", "wide", "f", "l");
        assertThat(offsets(header, "wide")).containsExactly(0L, 16L);
        assertThat(offsets(header, "l")).containsExactly(16L, 24L);
        assertThat(offsets(header, "odd")).containsExactly(24L, 36L);
        assertThat(offsets(header, "f")).containsExactly(36L, 40L);
        assertThat(offsets(header, "half")).containsExactly(40L, 46L);
        assertThat(SafetensorsFile.read(file).names()).containsExactly("odd", "half", "wide", "f", "l");
    }

    @Test
    void metadataRoundTripsInOrderWithoutTheReservedChecksumKeys() throws IOException {
        Path file = dir.resolve("m.bpm");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("zeta", "last letter first");
        metadata.put("backprop.architecture", "{\"layers\": [784, 128, 10]}");
        metadata.put("unicode é ☃ 😀", "line\nbreak \"quoted\" \\ \u0000");
        SafetensorsWriter writer = new SafetensorsWriter().add("w", new float[] {1}, 1);
        metadata.forEach(writer::metadata);
        writer.write(file);

        SafetensorsFile read = SafetensorsFile.read(file);

        assertThat(read.metadata()).containsExactlyEntriesOf(metadata);
        assertThat(header(Files.readAllBytes(file))).contains("\"backprop.format\":\"1\"", "\"backprop.crc32\":\"");
    }

    @Test
    void withoutChecksumTheFileHasNoReservedKeys() throws IOException {
        Path file = dir.resolve("m.bpm");
        new SafetensorsWriter().add("w", new float[] {1}, 1).withoutChecksum().write(file);

        SafetensorsFile read = SafetensorsFile.read(file);

        assertThat(read.checksummed()).isFalse();
        assertThat(header(Files.readAllBytes(file)).trim())
                .isEqualTo("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}");
    }

    @Test
    void streamAndFileOutputAreTheSameBytes() throws IOException {
        Path file = dir.resolve("m.bpm");
        SafetensorsWriter writer = new SafetensorsWriter().add("w", DOUBLES, 15).metadata("k", "v");
        writer.write(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(toBytes(writer));
    }

    @Test
    void accessorsReturnCopiesSoTheFileCannotBeChangedThroughThem() throws IOException {
        Path file = dir.resolve("m.bpm");
        new SafetensorsWriter().add("w", new float[] {1, 2}, 2).write(file);
        SafetensorsFile read = SafetensorsFile.read(file);

        read.floats("w")[0] = 99;
        read.shape("w")[0] = 99;

        assertThat(read.floats("w")).containsExactly(1, 2);
        assertThat(read.shape("w")).containsExactly(2);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomTensorsRoundTripBitForBitAcrossChunkBoundaries(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        SafetensorsWriter writer = new SafetensorsWriter();
        Map<String, Object> written = new LinkedHashMap<>();
        for (int t = 0; t < 6; t++) {
            addRandomTensor(writer, written, random, "t" + t);
        }
        Path file = dir.resolve("random.bpm");
        writer.write(file);

        SafetensorsFile read = SafetensorsFile.read(file);

        for (Map.Entry<String, Object> entry : written.entrySet()) {
            String name = entry.getKey();
            Object actual;
            switch (read.dtype(name)) {
                case F32: actual = bits(read.floats(name)); break;
                case F64: actual = bits(read.doubles(name)); break;
                case I64: actual = read.longs(name); break;
                default: actual = read.ints(name);
            }
            assertThat(actual).as(name).isEqualTo(entry.getValue());
        }
        assertSameContent(SafetensorsFile.read(file), read);
    }

    /** Adds a tensor of random dtype and shape, up to 1.2 million elements, and records its bits. */
    private static void addRandomTensor(SafetensorsWriter writer, Map<String, Object> written,
                                        SplittableRandom random, String name) {
        int rows = random.nextInt(4);
        int cols = random.nextInt(1, 300_000);
        int n = rows * cols;
        switch (random.nextInt(4)) {
            case 0: {
                float[] a = new float[n];
                IntStream.range(0, n).forEach(i -> a[i] = Float.intBitsToFloat(random.nextInt()));
                writer.add(name, a, rows, cols);
                written.put(name, bits(a));
                break;
            }
            case 1: {
                double[] a = LongStream.range(0, n).mapToDouble(i -> Double.longBitsToDouble(random.nextLong())).toArray();
                writer.add(name, a, rows, cols);
                written.put(name, bits(a));
                break;
            }
            case 2: {
                long[] a = LongStream.range(0, n).map(i -> random.nextLong()).toArray();
                writer.add(name, a, rows, cols);
                written.put(name, a);
                break;
            }
            default: {
                int[] a = IntStream.range(0, n).map(i -> random.nextInt()).toArray();
                writer.add(name, a, rows, cols);
                written.put(name, a);
            }
        }
    }

    private static long[] offsets(Map<String, Object> header, String name) {
        return ((java.util.List<?>) ((Map<?, ?>) header.get(name)).get("data_offsets")).stream()
                .mapToLong(o -> (Long) o).toArray();
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        Arrays.setAll(bits, i -> Float.floatToRawIntBits(values[i]));
        return bits;
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        Arrays.setAll(bits, i -> Double.doubleToRawLongBits(values[i]));
        return bits;
    }
}
