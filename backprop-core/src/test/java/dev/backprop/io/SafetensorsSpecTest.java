package dev.backprop.io;

import static dev.backprop.io.SafetensorsBytes.bytes;
import static dev.backprop.io.SafetensorsBytes.concat;
import static dev.backprop.io.SafetensorsBytes.file;
import static dev.backprop.io.SafetensorsBytes.header;
import static dev.backprop.io.SafetensorsBytes.toBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the reader and writer against the format as specified, with bytes built by hand. */
class SafetensorsSpecTest {

    @TempDir
    Path dir;

    private SafetensorsFile read(byte[] bytes) throws IOException {
        Path file = dir.resolve("hand.safetensors");
        Files.write(file, bytes);
        return SafetensorsFile.read(file);
    }

    @Test
    void handBuiltFileFromTheSpecificationIsRead() throws IOException {
        byte[] data = concat(
                bytes(0, 0, 0, 0, 0, 0, 0xF0, 0x3F),           // F64 1.0
                bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF), // I64 -1
                bytes(0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0),         // F32 1.0, -2.0
                bytes(1, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF));      // I32 1, -2
        String header = "{\"ints\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[24,32]},"
                + "\"__metadata__\":{\"format\":\"pt\"},"
                + "\"floats\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[16,24]},"
                + "\"one\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"minusOne\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[8,16]}}";

        SafetensorsFile file = read(file(header, data));

        assertThat(file.names()).containsExactly("ints", "floats", "one", "minusOne");
        assertThat(file.ints("ints")).containsExactly(1, -2);
        assertThat(file.floats("floats")).containsExactly(1f, -2f);
        assertThat(file.shape("floats")).containsExactly(1, 2);
        assertThat(file.doubles("one")).containsExactly(1.0);
        assertThat(file.shape("one")).isEmpty();
        assertThat(file.longs("minusOne")).containsExactly(-1L);
        assertThat(file.metadata()).containsExactly(Map.entry("format", "pt"));
        assertThat(file.checksummed()).isFalse();
    }

    @Test
    void theReferenceDocumentationExampleIsRead() throws IOException {
        // The example of the reference implementation's docs: a 60-byte header, then 16 zero bytes.
        String header = "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}";

        SafetensorsFile file = read(file(header, new byte[16]));

        assertThat(header.length()).isEqualTo(60);
        assertThat(file.ints("test")).containsExactly(0, 0, 0, 0);
        assertThat(file.shape("test")).containsExactly(2, 2);
    }

    @Test
    void anyPaddingOrWhitespaceInTheHeaderIsAccepted() throws IOException {
        String pretty = "{\n  \"w\": {\n    \"dtype\": \"F32\",\n    \"shape\": [1],\n    \"data_offsets\": [0, 4]\n  }\n}";

        assertThat(read(file(pretty, bytes(0, 0, 0x80, 0x3F))).floats("w")).containsExactly(1f);
        assertThat(read(file(pretty + "     ", bytes(0, 0, 0x80, 0x3F))).floats("w")).containsExactly(1f);
        assertThat(read(file("{}", new byte[0])).names()).isEmpty();
    }

    @Test
    void writerOutputIsExactlyTheSpecifiedBytes() {
        byte[] written = toBytes(new SafetensorsWriter()
                .add("w", new float[] {1f, -2f}, 2)
                .add("n", new long[] {-1})
                .metadata("k", "v")
                .withoutChecksum());
        String json = "{\"__metadata__\":{\"k\":\"v\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]},"
                + "\"n\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]}}";
        String padded = json + " ".repeat(-json.length() & 7);

        byte[] expected = concat(
                bytes(padded.length(), 0, 0, 0, 0, 0, 0, 0),
                padded.getBytes(StandardCharsets.UTF_8),
                bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF),
                bytes(0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0));

        assertThat(padded.length()).isEqualTo(136);
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void checksumFollowsTheDocumentedRecipe() {
        byte[] written = toBytes(new SafetensorsWriter()
                .add("b", new float[] {0.5f}, 1)
                .add("a", new long[] {7, 8}, 1, 2)
                .add("é", new int[0], 0)
                .metadata("zz", "last")
                .metadata("aa", "first\nline"));
        Map<String, Object> header = Json.parseObject(header(written));
        Map<?, ?> metadata = (Map<?, ?>) header.get("__metadata__");
        int dataStart = 8 + header(written).getBytes(StandardCharsets.UTF_8).length;
        String description = "Ta\0I64\0" + "1,2\0" + "0\0" + "16\n"
                + "Tb\0F32\0" + "1\0" + "16\0" + "20\n"
                + "Té\0I32\0" + "0\0" + "20\0" + "20\n"
                + "Maa\0first\nline\n"
                + "Mbackprop.format\0" + "1\n"
                + "Mzz\0last\n";
        CRC32 crc = new CRC32();
        crc.update(description.getBytes(StandardCharsets.UTF_8));
        crc.update(written, dataStart, written.length - dataStart);

        assertThat(metadata.get("backprop.format")).isEqualTo("1");
        assertThat(metadata.get("backprop.crc32")).isEqualTo(String.format("%08x", crc.getValue()));
        assertThat(List.copyOf(metadata.keySet())).isEqualTo(List.of("zz", "aa", "backprop.format", "backprop.crc32"));
    }
}
