package dev.backprop.io;

import static dev.backprop.io.SafetensorsBytes.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Headers that lie: each is refused, before any data is allocated, with a message that names the
 * file, the tensor or byte offset, and what was expected.
 */
class SafetensorsMalformedHeaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // 2^20 x 2^20 F32 elements = 2^42 bytes, in a 16-byte data section
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[1048576,1048576],\"data_offsets\":[0,4398046511104]}}` | 16"
            + " | truncated: header says 4,398,046,511,104 data bytes, file has 16 after the header",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}` | 4"
            + " | tensor \"w\": shape[0] must be an integer from 0 to 2,147,483,647, found -1",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3000000000],\"data_offsets\":[0,4]}}` | 4"
            + " | tensor \"w\": shape[1] must be an integer from 0 to 2,147,483,647, found 3000000000",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[99999999999999999999],\"data_offsets\":[0,4]}}` | 4"
            + " | tensor \"w\": shape[0] must be an integer from 0 to 2,147,483,647, found 1.0E20",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}}` | 4"
            + " | tensor \"w\": shape[0] must be an integer from 0 to 2,147,483,647, found 1.0",
        "`{\"w\":{\"dtype\":\"F64\",\"shape\":[2147483647,2147483647,2147483647],\"data_offsets\":[0,8]}}` | 8"
            + " | tensor \"w\": shape [2147483647,2147483647,2147483647] of F64 has more bytes than a 64-bit"
            + " count can hold",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,12]}}` | 12"
            + " | tensor \"w\": shape [2] of F32 needs 8 bytes, but data_offsets [0, 12] span 12",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[-4,0]}}` | 4"
            + " | tensor \"w\": data_offsets must be [begin, end] with 0 <= begin <= end, found [-4,0]",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}` | 4"
            + " | tensor \"w\": data_offsets must be [begin, end] with 0 <= begin <= end, found [4,0]",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,18446744073709551615]}}` | 4"
            + " | tensor \"w\": data_offsets must be [begin, end] with 0 <= begin <= end,"
            + " found [0,1.8446744073709552E19]",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}` | 4"
            + " | tensor \"w\": data_offsets must be [begin, end] with 0 <= begin <= end, found [0,4,8]",
        "`{\"w\":{\"dtype\":\"F128\",\"shape\":[1],\"data_offsets\":[0,16]}}` | 16"
            + " | tensor \"w\": dtype must be one of [F64, F32, F16, BF16, F8_E4M3, F8_E5M2, I64, I32, I16, I8,"
            + " U64, U32, U16, U8, BOOL], found \"F128\"",
        "`{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}` | 4 | tensor \"w\": missing field \"dtype\"",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"offsets\":[0,4]}}` | 4"
            + " | tensor \"w\": unknown field \"offsets\"; expected only \"dtype\", \"shape\" and \"data_offsets\"",
        "`{\"w\":[0,4]}` | 4 | tensor \"w\": expected an object with \"dtype\", \"shape\" and \"data_offsets\","
            + " found an array",
        "`{\"__metadata__\":{\"lr\":0.001}}` | 0"
            + " | __metadata__ entry \"lr\" must be a string, found 0.001 (safetensors metadata maps strings to strings)",
        "`{\"__metadata__\":[\"a\"]}` | 0 | __metadata__ must be an object of strings, found an array",
        "`{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}` | 12"
            + " | tensors \"a\" (data bytes 0..8) and \"b\" (data bytes 4..12) overlap",
        "`{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}` | 16"
            + " | data bytes 8..12 belong to no tensor (the next tensor, \"b\", starts at 12);"
            + " tensors must cover the data section without gaps",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}` | 12"
            + " | data bytes 0..8 belong to no tensor (the next tensor, \"w\", starts at 8);"
            + " tensors must cover the data section without gaps",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}` | 12"
            + " | 8 unexpected bytes after the data section, which ends at byte 66 of this 74-byte file",
        "`{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"w\":{}}` | 4"
            + " | header is not valid JSON at byte 62 (line 1, column 55 of the header): duplicate key \"w\" in an object",
        "`{\"w\":{\"dtype\":\"F32\",}}` | 0"
            + " | header is not valid JSON at byte 28 (line 1, column 21 of the header):"
            + " expected a string key in an object, found '}'",
        "`{\"é\":{\"dtype\":\"F32\" \"shape\":[1]}}` | 0"
            + " | header is not valid JSON at byte 29 (line 1, column 21 of the header):"
            + " expected ',' or '}' after an object member, found '\"'",
        "`{\"w\":{\"shape\":[[[[[[[[[1]]]]]]]]]}}` | 0"
            + " | header is not valid JSON at byte 28 (line 1, column 21 of the header):"
            + " nesting deeper than 8 levels of arrays and objects",
        "`{\"__metadata__\":{\"backprop.format\":\"2\",\"backprop.crc32\":\"00000000\"}}` | 0"
            + " | backprop.format is \"2\", but this version of backprop reads format \"1\""
            + " (a newer backprop wrote it, or the header is damaged)",
        "`{\"__metadata__\":{\"backprop.format\":\"1\"}}` | 0"
            + " | __metadata__ has backprop.format but no backprop.crc32; the header is damaged",
        "`{\"__metadata__\":{\"backprop.crc32\":\"00000000\"}}` | 0"
            + " | __metadata__ has backprop.crc32 but no backprop.format; the header is damaged",
        "`{\"__metadata__\":{\"backprop.format\":\"1\",\"backprop.crc32\":\"0000000G\"}}` | 0"
            + " | backprop.crc32 must be 8 lowercase hex digits, found \"0000000G\"",
        "`{\"__metadata__\":{\"backprop.format\":\"1\",\"backprop.crc32\":\"00000000\"}}` | 0"
            + " | checksum mismatch: backprop.crc32 says 00000000, the content gives 702ba8c8; the file is damaged",
    })
    void aLyingHeaderIsRefusedWithWhereAndWhat(String header, int dataBytes, String problem) throws IOException {
        Path file = dir.resolve("model.bpm");
        Files.write(file, file(header, new byte[dataBytes]));

        assertThatThrownBy(() -> SafetensorsFile.read(file))
                .isInstanceOfSatisfying(ModelFormatException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(file + ": " + problem);
                    assertThat(e.file()).isEqualTo(file);
                });
    }
}
