package dev.backprop.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.io.Json;
import dev.backprop.io.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;

/**
 * The JSON parser on any text: a value that survives a write/parse round trip, or a {@link
 * JsonException} giving the line and column.
 */
class JsonFuzzTest {
  private static final FuzzedReader JSON = new FuzzedReader("JSON", "input.json", JsonException.class,
      (file, message) -> message.matches("(?s)line \\d+, column \\d+ \\(offset \\d+\\): .+"));

  @FuzzTest(maxDuration = "30s")
  void jsonTextParsesOrIsRefusedWithItsPosition(byte[] input) {
    JSON.check(input, file -> {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      Object value = Json.parse(text);
      assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    });
  }

  @AfterAll
  static void report() throws IOException {
    JSON.report();
  }
}
