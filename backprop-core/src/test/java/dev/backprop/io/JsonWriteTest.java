package dev.backprop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriteTest {

    private static Map<String, Object> sample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("x", null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("a", List.of(1, 2.5, inner));
        root.put("b", Map.of());
        root.put("c", List.of());
        root.put("d", true);
        return root;
    }

    @Test
    void compactOutputHasNoWhitespace() {
        assertThat(Json.write(sample())).isEqualTo("{\"a\":[1,2.5,{\"x\":null}],\"b\":{},\"c\":[],\"d\":true}");
    }

    @Test
    void prettyOutputIndentsByTwoSpacesAndKeepsEmptyContainersShut() {
        assertThat(Json.writePretty(sample())).isEqualTo(String.join("\n",
                "{",
                "  \"a\": [",
                "    1,",
                "    2.5,",
                "    {",
                "      \"x\": null",
                "    }",
                "  ],",
                "  \"b\": {},",
                "  \"c\": [],",
                "  \"d\": true",
                "}"));
    }

    @Test
    void stringsAreEscapedWhereJsonRequiresIt() {
        String s = "q\" b\\ \b\f\n\r\t \u0001\u001f \u007f é ☃ 😀 /";

        assertThat(Json.write(s)).isEqualTo("\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f \u007f é ☃ 😀 /\"");
    }

    @Test
    void numbersOfEveryStandardTypeAreWritten() {
        List<Object> numbers = List.of((byte) 1, (short) 2, 3, 4L, 5.5f, 6.25, BigInteger.TEN.pow(30),
                new BigDecimal("1.5E+3"), 0.1f, -0.0, Double.MIN_VALUE, 1e300);

        assertThat(Json.write(numbers)).isEqualTo(
                "[1,2,3,4,5.5,6.25,1000000000000000000000000000000,1.5E+3,0.1,-0.0,4.9E-324,1.0E300]");
    }

    @Test
    void javaArraysAreWrittenAsJsonArrays() {
        Object[] values = {new int[] {1, 2}, new long[] {3}, new double[] {0.5}, new float[] {1.5f},
            new String[] {"s"}, new boolean[] {true}};

        assertThat(Json.write(values)).isEqualTo("[[1,2],[3],[0.5],[1.5],[\"s\"],[true]]");
    }

    @Test
    void pathsAreWrittenAsTheirStringsNotAsIterables() {
        java.nio.file.Path path = java.nio.file.Path.of("runs", "model.bpm");

        assertThat(Json.write(Map.of("model", path))).isEqualTo("{\"model\":" + Json.write(path.toString()) + "}");
        assertThat(Json.write(path.toString())).isIn("\"runs/model.bpm\"", "\"runs\\\\model.bpm\"");
    }

    @Test
    void nonFiniteNumbersAreRefusedWithTheirPath() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("epochs", 3);
        report.put("metrics", Map.of("loss", List.of(0.5, Double.NaN)));

        assertThatThrownBy(() -> Json.write(report))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write $.metrics.loss[1] as JSON: JSON has no NaN;"
                        + " store non-finite numbers as strings or null");
        assertThatThrownBy(() -> Json.write(Float.NEGATIVE_INFINITY))
                .hasMessage("cannot write $ as JSON: JSON has no -Infinity; store non-finite numbers as strings or null");
    }

    @Test
    void loneSurrogatesAreRefusedBecauseTheyHaveNoUtf8Form() {
        assertThatThrownBy(() -> Json.write(Map.of("k", List.of("ok", "a\ud800"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write $.k[1] as JSON: a string holds a lone surrogate U+D800 at index 1;"
                        + " it has no UTF-8 form");
    }

    @Test
    void unsupportedTypesAndKeysAreRefused() {
        assertThatThrownBy(() -> Json.write(List.of(new Object())))
                .hasMessageStartingWith("cannot write $[0] as JSON: cannot write a java.lang.Object;");
        assertThatThrownBy(() -> Json.write(Map.of(1, "one")))
                .hasMessage("cannot write $ as JSON: object keys must be strings, found java.lang.Integer");
    }

    @Test
    void aContainerInsideItselfIsRefusedInsteadOfOverflowingTheStack() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);

        assertThatThrownBy(() -> Json.write(cycle))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting deeper than 256 levels (is a container inside itself?)");
    }

    @Test
    void typeNamesDescribeParsedValues() {
        assertThat(Arrays.asList(Json.typeName(Map.of()), Json.typeName(List.of()), Json.typeName("s"),
                Json.typeName(1L), Json.typeName(true), Json.typeName(null)))
                .containsExactly("an object", "an array", "a string", "a number", "a boolean", "null");
    }
}
