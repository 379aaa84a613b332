package dev.backprop.io;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Converts between Java arrays and little-endian bytes in chunks of at most 1 MiB, with bulk
 * buffer views ({@code asFloatBuffer().get/put}), so a large tensor never needs a second copy
 * of itself. F32, F64, I64 and I32 map to {@code float[]}, {@code double[]}, {@code long[]} and
 * {@code int[]}; every other dtype stays {@code byte[]}.
 */
final class LittleEndianData {

    /** A multiple of 8, so no element straddles two chunks. */
    static final int CHUNK_BYTES = 1 << 20;

    /** Receives encoded bytes; {@code bytes} is reused after the call returns. */
    interface ByteSink {
        void accept(byte[] bytes, int length) throws IOException;
    }

    private LittleEndianData() {
    }

    static boolean isTyped(SafetensorsDtype dtype) {
        return dtype == SafetensorsDtype.F32 || dtype == SafetensorsDtype.F64
                || dtype == SafetensorsDtype.I64 || dtype == SafetensorsDtype.I32;
    }

    /**
     * Reads every tensor of a validated header into an array, in file order, feeding each chunk
     * to {@code crc} when it is not null.
     */
    static Map<String, Object> readAll(SeekableByteChannel channel, Path path, SafetensorsHeader header, CRC32 crc)
            throws IOException {
        int capacity = (int) Math.min(CHUNK_BYTES, (header.dataLength() + 7) & ~7L);
        ByteBuffer chunk = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Object> arrays = new HashMap<>();
        for (TensorEntry entry : header.entriesByOffset()) {
            Object array = allocate(entry);
            long position = header.dataStart() + entry.begin();
            int done = 0;
            for (long remaining = entry.byteLength(); remaining > 0; ) {
                int length = (int) Math.min(remaining, capacity);
                chunk.clear().limit(length);
                readFully(channel, path, chunk, position);
                chunk.flip();
                if (crc != null) {
                    crc.update(chunk);
                    chunk.rewind();
                }
                done += copyOut(chunk, entry.dtype(), array, done);
                position += length;
                remaining -= length;
            }
            arrays.put(entry.name(), array);
        }
        return arrays;
    }

    private static Object allocate(TensorEntry entry) {
        int length = (int) entry.elementCount();
        switch (entry.dtype()) {
            case F32: return new float[length];
            case F64: return new double[length];
            case I64: return new long[length];
            case I32: return new int[length];
            default: return new byte[(int) entry.byteLength()];
        }
    }

    /** Copies a whole chunk into {@code array} at element {@code offset}; returns elements copied. */
    private static int copyOut(ByteBuffer chunk, SafetensorsDtype dtype, Object array, int offset) {
        int count = chunk.remaining() / (isTyped(dtype) ? dtype.byteSize() : 1);
        switch (isTyped(dtype) ? dtype : SafetensorsDtype.U8) {
            case F32: chunk.asFloatBuffer().get((float[]) array, offset, count); break;
            case F64: chunk.asDoubleBuffer().get((double[]) array, offset, count); break;
            case I64: chunk.asLongBuffer().get((long[]) array, offset, count); break;
            case I32: chunk.asIntBuffer().get((int[]) array, offset, count); break;
            default: chunk.get((byte[]) array, offset, count); break;
        }
        return count;
    }

    /**
     * Encodes an array as little-endian bytes, handing them to {@code sink} chunk by chunk.
     *
     * @param array   a float[], double[], long[], int[] or (raw bytes of any dtype) byte[]
     * @param scratch a reusable buffer whose length is a multiple of 8
     */
    static void encode(Object array, ByteSink sink, byte[] scratch) throws IOException {
        ByteBuffer chunk = ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN);
        int elementSize = array instanceof float[] || array instanceof int[] ? 4
                : array instanceof byte[] ? 1 : 8;
        int count = Array.getLength(array);
        int perChunk = scratch.length / elementSize;
        for (int offset = 0; offset < count; offset += perChunk) {
            int n = Math.min(perChunk, count - offset);
            chunk.clear();
            if (array instanceof float[]) {
                chunk.asFloatBuffer().put((float[]) array, offset, n);
            } else if (array instanceof double[]) {
                chunk.asDoubleBuffer().put((double[]) array, offset, n);
            } else if (array instanceof long[]) {
                chunk.asLongBuffer().put((long[]) array, offset, n);
            } else if (array instanceof int[]) {
                chunk.asIntBuffer().put((int[]) array, offset, n);
            } else {
                chunk.put((byte[]) array, offset, n);
            }
            sink.accept(scratch, n * elementSize);
        }
    }

    /** Fills {@code buffer} from {@code position}; a file that ends early is a format error. */
    static void readFully(SeekableByteChannel channel, Path path, ByteBuffer buffer, long position) throws IOException {
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new ModelFormatException(path, String.format(
                        "file ended at byte %,d while reading; was it changed during the read?", channel.position()));
            }
        }
    }
}
