package dev.backprop.io;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates the framing of a safetensors file before anything large is allocated: the
 * 8-byte header length against the file size and the 100,000,000-byte limit, the header as
 * strict UTF-8 JSON, the entries ({@link HeaderFields}), and their layout: non-overlapping,
 * covering the data section from 0 with no gaps, ending exactly at the end of the file, each
 * small enough for a Java array and all together for the heap.
 */
final class SafetensorsHeader {

    /** The limit of the reference implementation; a larger header is refused unread. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /** The largest array length every JVM allocates. */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    private static final JsonLimits JSON_LIMITS = new JsonLimits(8, (int) MAX_HEADER_BYTES);
    private static final int SNIFF_BYTES = 32;

    private final HeaderFields fields;
    private final List<TensorEntry> byOffset;
    private final long dataStart;
    private final long dataLength;

    private SafetensorsHeader(HeaderFields fields, List<TensorEntry> byOffset, long dataStart, long dataLength) {
        this.fields = fields;
        this.byOffset = byOffset;
        this.dataStart = dataStart;
        this.dataLength = dataLength;
    }

    /** The tensors in header order. */
    List<TensorEntry> entries() {
        return fields.entries();
    }

    /** The tensors in data order: the order their bytes appear in the file. */
    List<TensorEntry> entriesByOffset() {
        return byOffset;
    }

    /** All metadata, reserved keys included, in header order. */
    Map<String, String> metadata() {
        return fields.metadata();
    }

    /** The file offset where the data section begins: 8 + header length. */
    long dataStart() {
        return dataStart;
    }

    /** The length of the data section, which runs to the end of the file. */
    long dataLength() {
        return dataLength;
    }

    static SafetensorsHeader read(SeekableByteChannel channel, Path path) throws IOException {
        long size = channel.size();
        byte[] head = readBytes(channel, path, 0, (int) Math.min(size, SNIFF_BYTES));
        if (size < 8) {
            throw notSafetensors(path, head, "it is only " + size
                    + " bytes long, shorter than the 8-byte header length every safetensors file starts with");
        }
        long headerLength = ByteBuffer.wrap(head, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        checkHeaderLength(path, head, headerLength, size);
        byte[] header = readBytes(channel, path, 8, (int) headerLength);
        HeaderFields fields = HeaderFields.parse(path, parseJson(path, decodeUtf8(path, header)));
        List<TensorEntry> byOffset = new ArrayList<>(fields.entries());
        byOffset.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long dataLength = checkCoverage(path, byOffset);
        checkFileLength(path, size, 8 + headerLength, dataLength);
        checkAllocatable(path, byOffset, dataLength);
        return new SafetensorsHeader(fields, List.copyOf(byOffset), 8 + headerLength, dataLength);
    }

    private static void checkHeaderLength(Path path, byte[] head, long length, long size)
            throws ModelFormatException {
        if (length < 0 || length > size - 8) {
            boolean jsonFollows = head.length > 8 && head[8] == '{';
            if (jsonFollows && length > 0 && length <= MAX_HEADER_BYTES) {
                throw new ModelFormatException(path, String.format("truncated: the header length field says"
                        + " %,d header bytes, the file has only %,d after it", length, size - 8));
            }
            throw notSafetensors(path, head, String.format("its first 8 bytes, read as the little-endian"
                    + " header length, say %,d bytes, but the file is %,d bytes long",
                    new BigInteger(Long.toUnsignedString(length)), size));
        }
        if (length > MAX_HEADER_BYTES) {
            throw new ModelFormatException(path, String.format(
                    "header length %,d bytes exceeds the limit of %,d bytes", length, MAX_HEADER_BYTES));
        }
        if (length == 0 || head[8] != '{') {
            throw notSafetensors(path, head, "its header (at byte 8) does not start with '{'");
        }
    }

    private static ModelFormatException notSafetensors(Path path, byte[] head, String detail) {
        String kind = FileSignatures.describe(head);
        return new ModelFormatException(path, "not a safetensors file: "
                + (kind == null ? "" : "it looks like " + kind + "; ") + detail);
    }

    private static String decodeUtf8(Path path, byte[] header) throws ModelFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(header);
        CharBuffer out = CharBuffer.allocate(header.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ModelFormatException(path, String.format(
                    "header is not valid UTF-8: malformed byte sequence at byte %,d", 8 + in.position()));
        }
        return out.flip().toString();
    }

    private static Map<String, Object> parseJson(Path path, String json) throws ModelFormatException {
        try {
            return Json.parseObject(json, JSON_LIMITS);
        } catch (JsonException e) {
            throw new ModelFormatException(path, String.format("header is not valid JSON at byte %,d"
                    + " (line %d, column %d of the header): %s",
                    8 + utf8Length(json, e.offset()), e.line(), e.column(), e.reason()));
        }
    }

    /** The UTF-8 byte length of the first {@code chars} chars of {@code s}. */
    private static long utf8Length(String s, int chars) {
        long bytes = 0;
        for (int i = 0; i < chars && i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** Checks that the sorted entries tile the data section from 0; returns its length. */
    private static long checkCoverage(Path path, List<TensorEntry> byOffset) throws ModelFormatException {
        long covered = 0;
        TensorEntry previous = null;
        for (TensorEntry entry : byOffset) {
            if (entry.begin() < covered) {
                throw new ModelFormatException(path, String.format(
                        "tensors %s (data bytes %,d..%,d) and %s (data bytes %,d..%,d) overlap",
                        previous.quotedName(), previous.begin(), previous.end(),
                        entry.quotedName(), entry.begin(), entry.end()));
            }
            if (entry.begin() > covered) {
                throw new ModelFormatException(path, String.format("data bytes %,d..%,d belong to no tensor"
                        + " (the next tensor, %s, starts at %,d); tensors must cover the data section"
                        + " without gaps", covered, entry.begin(), entry.quotedName(), entry.begin()));
            }
            covered = entry.end();
            previous = entry;
        }
        return covered;
    }

    private static void checkFileLength(Path path, long size, long dataStart, long dataLength)
            throws ModelFormatException {
        long available = size - dataStart;
        if (available < dataLength) {
            throw new ModelFormatException(path, String.format(
                    "truncated: header says %,d data bytes, file has %,d after the header", dataLength, available));
        }
        if (available > dataLength) {
            throw new ModelFormatException(path, String.format("%,d unexpected bytes after the data section,"
                    + " which ends at byte %,d of this %,d-byte file", available - dataLength,
                    dataStart + dataLength, size));
        }
    }

    private static void checkAllocatable(Path path, List<TensorEntry> entries, long dataLength)
            throws ModelFormatException {
        for (TensorEntry entry : entries) {
            long length = LittleEndianData.isTyped(entry.dtype()) ? entry.elementCount() : entry.byteLength();
            if (length > MAX_ARRAY_LENGTH) {
                throw new ModelFormatException(path, String.format("tensor %s has %,d %s, more than a Java"
                        + " array holds (%,d)", entry.quotedName(), length,
                        LittleEndianData.isTyped(entry.dtype()) ? "elements" : "bytes", MAX_ARRAY_LENGTH));
            }
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (dataLength > maxHeap) {
            throw new ModelFormatException(path, String.format("the data section is %,d bytes, more than"
                    + " this JVM's maximum heap of %,d bytes (raise it with -Xmx)", dataLength, maxHeap));
        }
    }

    private static byte[] readBytes(SeekableByteChannel channel, Path path, long position, int length)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        LittleEndianData.readFully(channel, path, buffer, position);
        return buffer.array();
    }
}
