package dev.backprop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void nestedObjectsListsAndNumbersAreWrittenIndentedByTwoSpaces() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("rate", 2.5);
    inner.put("steps", 7L);
    inner.put("ok", true);
    inner.put("none", null);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("figures", inner);
    outer.put("sizes", List.of(1, 2));
    outer.put("repeats", new double[] {0.5, 1e10});
    outer.put("errors", Map.of());
    assertThat(Json.write(outer)).isEqualTo("""
        {
          "figures": {
            "rate": 2.5,
            "steps": 7,
            "ok": true,
            "none": null
          },
          "sizes": [1, 2],
          "repeats": [0.5, 1.0E10],
          "errors": {}
        }
        """);
  }

  @Test
  void quotesBackslashesAndControlCharactersAreEscaped() {
    assertThat(Json.write(Map.of("k", "a\"b\\c\nd\u0001é")))
        .isEqualTo("{\n  \"k\": \"a\\\"b\\\\c\\nd\\u0001é\"\n}\n");
  }

  @Test
  void nonFiniteNumbersAreRejectedNamingTheirKey() {
    Map<String, Object> figures = Map.of("figures", Map.of("tiny_steps_per_s", Double.NaN));
    assertThatThrownBy(() -> Json.write(figures))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("figures.tiny_steps_per_s");
  }
}
