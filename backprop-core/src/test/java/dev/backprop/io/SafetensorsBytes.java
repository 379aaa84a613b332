package dev.backprop.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds safetensors bytes by hand, and compares what two reads produced. */
final class SafetensorsBytes {

    private SafetensorsBytes() {
    }

    /** The 8-byte little-endian length of {@code headerJson} in UTF-8, the header, then the data. */
    static byte[] file(String headerJson, byte[] data) {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).put(data).array();
    }

    static byte[] bytes(int... unsignedBytes) {
        byte[] bytes = new byte[unsignedBytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) unsignedBytes[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] toBytes(SafetensorsWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads safetensors bytes from memory, named {@code name} in messages. */
    static SafetensorsFile read(byte[] bytes, String name) throws IOException {
        return SafetensorsFile.read(new InMemoryChannel(bytes), java.nio.file.Path.of(name));
    }

    /** The header JSON of a safetensors file, as written (padding included). */
    static String header(byte[] file) {
        int length = (int) ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(file, 8, length, StandardCharsets.UTF_8);
    }

    /** Asserts that two reads hold the same names, dtypes, shapes, bits and metadata. */
    static void assertSameContent(SafetensorsFile actual, SafetensorsFile expected) {
        assertThat(actual.names()).isEqualTo(expected.names());
        assertThat(actual.metadata()).isEqualTo(expected.metadata());
        for (String name : expected.names()) {
            assertThat(actual.dtype(name)).as(name).isEqualTo(expected.dtype(name));
            assertThat(actual.shape(name)).as(name).isEqualTo(expected.shape(name));
            assertThat(actual.bytes(name)).as(name).isEqualTo(expected.bytes(name));
        }
    }
}
