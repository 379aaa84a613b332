package dev.backprop.io;

import static dev.backprop.io.SafetensorsBytes.assertSameContent;
import static dev.backprop.io.SafetensorsBytes.bytes;
import static dev.backprop.io.SafetensorsBytes.concat;
import static dev.backprop.io.SafetensorsBytes.toBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files damaged on disk or of another kind: refused with a clear message, never misread. */
class SafetensorsDamageTest {

    @TempDir
    Path dir;

    private static SafetensorsWriter model() {
        return new SafetensorsWriter()
                .add("dense.weight", new float[] {0.5f, -1.25f, 3f, Float.MIN_VALUE, -0f, 7f}, 2, 3)
                .add("dense.bias", new double[] {0.1, -0.2}, 2)
                .add("step", new long[] {12})
                .add("labels", new int[] {3, 1, 4}, 3)
                .metadata("backprop.architecture", "{\"layers\":[3,2],\"activation\":\"relu\"}")
                .metadata("note", "é ☃");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aFileTruncatedAtEverySixteenthOfItsLengthIsRefused() throws IOException {
        byte[] whole = toBytes(model());
        int headerLength = 8 + SafetensorsBytes.header(whole).getBytes(StandardCharsets.UTF_8).length;

        for (int k = 0; k < 16; k++) {
            int length = whole.length * k / 16;
            Path file = write("model.bpm", Arrays.copyOf(whole, length));
            String expected = length < 8
                    ? "not a safetensors file: it is only " + length + " bytes long"
                    : length < headerLength
                    ? String.format("truncated: the header length field says %,d header bytes, the file has only %,d"
                            + " after it", headerLength - 8, length - 8)
                    : String.format("truncated: header says %,d data bytes, file has %,d after the header",
                            whole.length - headerLength, length - headerLength);

            assertThatThrownBy(() -> SafetensorsFile.read(file))
                    .as("truncated to %d of %d bytes", length, whole.length)
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith(file + ": " + expected);
        }
    }

    @Test
    void everyDamagedByteOfAChecksummedFileIsDetected() throws IOException {
        byte[] whole = toBytes(model());
        int[] masks = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF};
        int refused = 0;

        for (int position = 0; position < whole.length; position++) {
            for (int mask : masks) {
                byte[] damaged = whole.clone();
                damaged[position] ^= (byte) mask;
                int at = position;

                assertThatThrownBy(() -> SafetensorsBytes.read(damaged, "model.bpm"))
                        .as("byte %d xor 0x%02x", at, mask)
                        .isInstanceOf(ModelFormatException.class);
                refused++;
            }
        }

        assertThat(refused).isEqualTo(whole.length * masks.length);
    }

    @Test
    void withoutAChecksumADamagedHeaderIsStillRefusedOrHarmless() throws IOException {
        byte[] whole = toBytes(model().withoutChecksum());
        SafetensorsFile original = SafetensorsFile.read(write("original.bpm", whole));
        int headerEnd = 8 + SafetensorsBytes.header(whole).getBytes(StandardCharsets.UTF_8).length;
        int refused = 0;
        int stringChanged = 0;

        for (int position = 0; position < headerEnd; position++) {
            byte[] damaged = whole.clone();
            damaged[position] ^= 0x01;
            try {
                SafetensorsFile read = SafetensorsBytes.read(damaged, "model.bpm");
                boolean aStringChanged = !read.names().equals(original.names())
                        || !read.metadata().equals(original.metadata());
                assertThat(aStringChanged).as("byte %d", position).isTrue();
                stringChanged++;
            } catch (ModelFormatException expected) {
                refused++;
            }
        }

        // A name or metadata string can change without breaking the format: the checksum exists for this.
        assertThat(refused + stringChanged).isEqualTo(headerEnd);
        assertThat(refused).isGreaterThan(headerEnd / 2);
    }

    @Test
    void withoutAChecksumADamagedDataByteGoesUnnoticedWhichIsWhyTheChecksumIsOnByDefault() throws IOException {
        byte[] whole = toBytes(model().withoutChecksum());
        byte[] damaged = whole.clone();
        damaged[damaged.length - 1] ^= 0x01;

        SafetensorsFile read = SafetensorsFile.read(write("model.bpm", damaged));

        assertThat(read.checksummed()).isFalse();
        assertThat(read.ints("labels")).containsExactly(3, 1, 4 + (1 << 24));
    }

    @Test
    void aCleanFileReadsTheSameAfterTheDamageTestsCopies() throws IOException {
        byte[] whole = toBytes(model());

        assertSameContent(SafetensorsFile.read(write("a.bpm", whole)), SafetensorsFile.read(write("b.bpm", whole)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "data.csv | 7365,7061,6c5f,6c65,6e67,7468,2c73,6570,616c,5f77,6964,7468,0a35,2e31,2c33,2e35"
            + " | not a safetensors file: it looks like a text file starting with \"sepal_length,sepal_width...\";"
            + " its first 8 bytes, read as the little-endian header length, say 7,308,321,214,411,335,027 bytes,"
            + " but the file is 32 bytes long",
        "image.png | 8950,4e47,0d0a,1a0a,0000,000d,4948,4452"
            + " | not a safetensors file: it looks like a PNG image; its first 8 bytes, read as the little-endian"
            + " header length, say 727,905,341,920,923,785 bytes, but the file is 16 bytes long",
        "model.pt | 504b,0304,1400,0000,0800,0000,2100,0000"
            + " | not a safetensors file: it looks like a ZIP archive (PyTorch .pt/.pth files are ZIP archives;"
            + " save with safetensors.torch.save_file instead); its first 8 bytes, read as the little-endian"
            + " header length, say 85,966,670,672 bytes, but the file is 16 bytes long",
        "train.gz | 1f8b,0808,0000,0000,0003,7472,6169,6e00"
            + " | not a safetensors file: it looks like a gzip file; its first 8 bytes, read as the"
            + " little-endian header length, say 134,777,631 bytes, but the file is 16 bytes long",
        "images.idx | 0000,0803,0000,ea60,0000,001c,0000,001c"
            + " | not a safetensors file: it looks like an IDX file (the MNIST format); its first 8 bytes, read"
            + " as the little-endian header length, say 6,983,394,172,242,231,296 bytes, but the file is 16 bytes long",
        "tiny.bin | 0102,03 | not a safetensors file: it is only 3 bytes long, shorter than the 8-byte header length"
            + " every safetensors file starts with",
        "empty.bin | '' | not a safetensors file: it is only 0 bytes long, shorter than the 8-byte header length"
            + " every safetensors file starts with",
        "zero.bin | 0000,0000,0000,0000 | not a safetensors file: its header (at byte 8) does not start with '{'",
        "bom.bin | 0500,0000,0000,0000,efbb,bf7b,7d | not a safetensors file: its header (at byte 8) does not"
            + " start with '{'",
        "huge.bin | ffff,ffff,ffff,ffff,7b7d | not a safetensors file: its first 8 bytes, read as the little-endian"
            + " header length, say 18,446,744,073,709,551,615 bytes, but the file is 10 bytes long",
        "utf8.bin | 0800,0000,0000,0000,7b22,c328,223a,317d | header is not valid UTF-8: malformed byte sequence at"
            + " byte 10",
    })
    void aFileOfAnotherKindIsNamedAsSuch(String name, String hex, String problem) throws IOException {
        Path file = write(name, hex(hex));

        assertThatThrownBy(() -> SafetensorsFile.read(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(file + ": " + problem);
    }

    @Test
    void aHeaderLongerThanTheLimitIsRefusedUnread() throws IOException {
        Path file = dir.resolve("bighead.bpm");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(200_000_000L);
            raf.write(concat(littleEndian(100_000_001L), bytes('{')));
        }

        assertThatThrownBy(() -> SafetensorsFile.read(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(file + ": header length 100,000,001 bytes exceeds the limit of 100,000,000 bytes");
    }

    @Test
    void aTensorTooLargeForAJavaArrayIsRefusedBeforeAllocating() throws IOException {
        long bytes = 4L * Integer.MAX_VALUE;
        Path file = sparseFile("{\"big\":{\"dtype\":\"F32\",\"shape\":[2147483647],\"data_offsets\":[0," + bytes + "]}}",
                bytes);

        assertThatThrownBy(() -> SafetensorsFile.read(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(file + ": tensor \"big\" has 2,147,483,647 elements, more than a Java array holds"
                        + " (2,147,483,639)");
    }

    @Test
    void dataLargerThanTheHeapIsRefusedBeforeAllocating() throws IOException {
        long tensorBytes = 1L << 31;
        int tensors = (int) (Runtime.getRuntime().maxMemory() / tensorBytes) + 1;
        StringBuilder header = new StringBuilder("{");
        for (int t = 0; t < tensors; t++) {
            header.append(t == 0 ? "" : ",").append("\"t").append(t).append("\":{\"dtype\":\"F64\",\"shape\":[")
                    .append(tensorBytes / 8).append("],\"data_offsets\":[").append(t * tensorBytes).append(',')
                    .append((t + 1) * tensorBytes).append("]}");
        }
        Path file = sparseFile(header.append('}').toString(), tensors * tensorBytes);

        assertThatThrownBy(() -> SafetensorsFile.read(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(String.format("%s: the data section is %,d bytes, more than this JVM's maximum heap of"
                        + " %,d bytes (raise it with -Xmx)", file, tensors * tensorBytes,
                        Runtime.getRuntime().maxMemory()));
    }

    @Test
    void aMissingFileIsAnIoErrorNotAFormatError() {
        Path missing = dir.resolve("missing.bpm");

        assertThatThrownBy(() -> SafetensorsFile.read(missing)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void accessorsExplainMissingNamesAndOtherDtypes() throws IOException {
        SafetensorsFile file = SafetensorsFile.read(write("model.bpm", toBytes(model())));

        assertThatThrownBy(() -> file.floats("dense.wieght"))
                .isInstanceOf(java.util.NoSuchElementException.class)
                .hasMessage(file.path() + ": no tensor named \"dense.wieght\"; the file has"
                        + " [dense.weight, dense.bias, step, labels]");
        assertThatThrownBy(() -> file.floats("dense.bias"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file.path() + ": tensor \"dense.bias\" is F64, but floats() reads F32; use doubles()");
        assertThatThrownBy(() -> file.ints("step"))
                .hasMessage(file.path() + ": tensor \"step\" is I64, but ints() reads I32; use longs()");
    }

    /** A file of the given header and {@code dataBytes} zero bytes that take no disk space. */
    private Path sparseFile(String header, long dataBytes) throws IOException {
        Path file = dir.resolve("sparse.bpm");
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(concat(littleEndian(json.length), json));
            raf.setLength(8 + json.length + dataBytes);
        }
        return file;
    }

    private static byte[] littleEndian(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static byte[] hex(String groups) {
        String digits = groups.replace(",", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
