package dev.backprop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonParseTest {

    @Test
    void objectsKeepDocumentOrderAndNest() {
        Object value = Json.parse(" {\"z\": 1, \"a\": [true, false, null], \"m\": {\"k\": \"v\"}} ");

        assertThat(value).isInstanceOf(Map.class);
        Map<?, ?> object = (Map<?, ?>) value;
        assertThat(List.copyOf(object.keySet())).isEqualTo(List.of("z", "a", "m"));
        assertThat(object.get("z")).isEqualTo(1L);
        assertThat(object.get("a")).isEqualTo(Arrays.asList(true, false, null));
        assertThat(object.get("m")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void parsedContainersAreUnmodifiable() {
        Map<String, Object> object = Json.parseObject("{\"a\": [1]}");

        assertThatThrownBy(() -> object.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) object.get("a")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0                    | 0",
        "-0                   | 0",
        "42                   | 42",
        "-9223372036854775808 | -9223372036854775808",
        "9223372036854775807  | 9223372036854775807",
    })
    void integerLiteralsThatFitReadAsLong(String literal, long expected) {
        assertThat(Json.parse(literal)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.0                  | 2.0",
        "-0.0                 | -0.0",
        "1e3                  | 1000.0",
        "1E+3                 | 1000.0",
        "2.5e-3               | 0.0025",
        "9223372036854775808  | 9.223372036854775808E18",
        "1e-400               | 0.0",
        "4.9e-324             | 4.9E-324",
    })
    void otherNumbersReadAsDouble(String literal, double expected) {
        Object value = Json.parse(literal);

        assertThat(value).isInstanceOf(Double.class);
        assertThat(Double.doubleToRawLongBits((Double) value)).isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @Test
    void escapesDecodeToTheirCharacters() {
        String text = "\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\u2603 \\ud83d\\ude00\"";

        assertThat(Json.parse(text)).isEqualTo("q\" b\\ s/ \b\f\n\r\t é ☃ 😀");
    }

    @Test
    void unescapedNonAsciiAndSurrogatePairsPassThrough() {
        assertThat(Json.parse("\"héllo ☃ 😀\"")).isEqualTo("héllo ☃ 😀");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                      | 1 | 1  | 0  | expected a JSON value (object, array, string, number, true, false or null), found end of input",
        "`{\"a\":1,}`            | 1 | 8  | 7  | expected a string key in an object, found '}'",
        "`[1,2,]`                | 1 | 6  | 5  | expected a JSON value (object, array, string, number, true, false or null), found ']'",
        "`{\"a\" 1}`             | 1 | 6  | 5  | expected ':' after an object key, found '1'",
        "`{\"a\":1 \"b\":2}`     | 1 | 8  | 7  | expected ',' or '}' after an object member, found '\"'",
        "`[1 2]`                 | 1 | 4  | 3  | expected ',' or ']' after an array element, found '2'",
        "`{\"a\":1}x`            | 1 | 8  | 7  | expected end of input after the JSON value, found 'x'",
        "`{\"a\":1,\"a\":2}`     | 1 | 8  | 7  | duplicate key \"a\" in an object",
        "`01`                    | 1 | 2  | 1  | leading zeros are not allowed in a number",
        "`-`                     | 1 | 2  | 1  | expected a digit after '-', found end of input",
        "`1.`                    | 1 | 3  | 2  | expected a digit after the decimal point, found end of input",
        "`1e+`                   | 1 | 4  | 3  | expected a digit in the exponent, found end of input",
        "`.5`                    | 1 | 1  | 0  | expected a JSON value (object, array, string, number, true, false or null), found '.'",
        "`1e400`                 | 1 | 1  | 0  | number 1e400 is beyond the range of a double",
        "`NaN`                   | 1 | 1  | 0  | expected a JSON value (object, array, string, number, true, false or null), found 'N'",
        "`tru`                   | 1 | 1  | 0  | expected 'true', found 't'",
        "`nul`                   | 1 | 1  | 0  | expected 'null', found 'n'",
        "`\"abc`                 | 1 | 1  | 0  | unterminated string: no closing '\"' before the end of input",
        "`\"a\\qb\"`             | 1 | 4  | 3  | expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after '\\', found 'q'",
        "`\"\\u12G4\"`           | 1 | 6  | 5  | expected 4 hex digits after \\u, found 'G'",
        "`\"\\ud800\"`           | 1 | 2  | 1  | lone surrogate \\uD800: a high surrogate must be followed by a \\u-escaped low surrogate",
        "`\"\\udc00x\"`          | 1 | 2  | 1  | lone surrogate \\uDC00: a high surrogate must be followed by a \\u-escaped low surrogate",
        "`/* c */ 1`             | 1 | 1  | 0  | expected a JSON value (object, array, string, number, true, false or null), found '/'",
        "`'a'`                   | 1 | 1  | 0  | expected a JSON value (object, array, string, number, true, false or null), found '''",
        "`{a:1}`                 | 1 | 2  | 1  | expected a string key in an object, found 'a'",
    })
    void malformedTextIsRefusedWithPositionAndExpectation(String text, int line, int column, int offset,
                                                          String reason) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.getMessage()).isEqualTo(
                            "line " + line + ", column " + column + " (offset " + offset + "): " + reason);
                });
    }

    @Test
    void lineAndColumnCountEveryKindOfLineBreak() {
        String text = "{\n  \"a\": 1,\r\n  \"b\": 2,\r  \"c\" 3\n}";

        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo(7);
                    assertThat(text.charAt(e.offset())).isEqualTo('3');
                });
    }

    @Test
    void rawControlCharacterInAStringIsRefused() {
        assertThatThrownBy(() -> Json.parse("[\"a\tb\"]"))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo("control character U+0009 must be escaped in a string");
                    assertThat(e.offset()).isEqualTo(3);
                });
    }

    @Test
    void rawLoneSurrogateInAStringIsRefused() {
        assertThatThrownBy(() -> Json.parse("\"a\ud800b\""))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo("lone surrogate U+D800 in a string");
                    assertThat(e.offset()).isEqualTo(2);
                });
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        char[] brackets = new char[1_000_000];
        Arrays.fill(brackets, '[');

        assertThatThrownBy(() -> Json.parse(new String(brackets)))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo("nesting deeper than 256 levels of arrays and objects");
                    assertThat(e.offset()).isEqualTo(256);
                });
    }

    @Test
    void nestingExactlyAtTheLimitIsAccepted() {
        String text = "[".repeat(5) + "]".repeat(5);

        assertThat(Json.parse(text, new JsonLimits(5, 100))).isEqualTo(List.of(List.of(List.of(List.of(List.of())))));
        assertThatThrownBy(() -> Json.parse("[" + text + "]", new JsonLimits(5, 100)))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting deeper than 5 levels");
    }

    @Test
    void textLongerThanTheLimitIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> Json.parse("[1, 2, 3]", new JsonLimits(10, 8)))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo("input is 9 chars long, the limit is 8");
                    assertThat(e.offset()).isEqualTo(8);
                });
    }

    @Test
    void parseObjectRefusesOtherTopLevelValues() {
        assertThatThrownBy(() -> Json.parseObject("  [1]"))
                .isInstanceOfSatisfying(JsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo("expected a JSON object ('{'), found '['");
                    assertThat(e.column()).isEqualTo(3);
                });
    }

    @Test
    void limitsRejectNonsense() {
        assertThatThrownBy(() -> new JsonLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonLimits(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
