package dev.backprop.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The optional checksum of a safetensors file, kept in two reserved {@code __metadata__} keys.
 * {@code backprop.format} says the file follows these conventions (version "1") and therefore
 * must carry {@code backprop.crc32}: the CRC-32 (zlib, IEEE 802.3) of a description of the
 * header followed by the data section, as 8 lowercase hex digits. The description is one line
 * per tensor in UTF-8 byte order of names, {@code "T" name NUL dtype NUL dims-joined-by-comma NUL
 * begin NUL end LF}, then one line per other metadata entry in key order, {@code "M" key NUL
 * value LF}. Because every header value is covered and either key's damage is noticed through
 * the other, any single damaged byte of a checksummed file is detected.
 */
final class ContentChecksum {

    static final String FORMAT_KEY = "backprop.format";
    static final String FORMAT_VERSION = "1";
    static final String CRC_KEY = "backprop.crc32";

    private static final Comparator<String> UTF8_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private ContentChecksum() {
    }

    static boolean isReserved(String metadataKey) {
        return FORMAT_KEY.equals(metadataKey) || CRC_KEY.equals(metadataKey);
    }

    /**
     * Starts the checksum with the header description; the caller then feeds the data section.
     *
     * @param entries  the tensors, in any order
     * @param metadata all metadata entries; {@link #CRC_KEY} is skipped
     */
    static CRC32 begin(List<TensorEntry> entries, Map<String, String> metadata) {
        StringBuilder description = new StringBuilder();
        entries.stream().sorted(Comparator.comparing(TensorEntry::name, UTF8_ORDER)).forEach(e -> {
            description.append('T').append(e.name()).append('\0').append(e.dtype().name()).append('\0');
            for (int i = 0; i < e.shape().length; i++) {
                description.append(i == 0 ? "" : ",").append(e.shape()[i]);
            }
            description.append('\0').append(e.begin()).append('\0').append(e.end()).append('\n');
        });
        metadata.keySet().stream().filter(k -> !CRC_KEY.equals(k)).sorted(UTF8_ORDER).forEach(k ->
                description.append('M').append(k).append('\0').append(metadata.get(k)).append('\n'));
        CRC32 crc = new CRC32();
        crc.update(description.toString().getBytes(StandardCharsets.UTF_8));
        return crc;
    }

    static String hex(CRC32 crc) {
        return String.format("%08x", crc.getValue());
    }

    static boolean isWellFormed(String hex) {
        return hex.length() == 8 && hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
