package dev.backprop.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.io.ModelFormatException;
import dev.backprop.io.SafetensorsFile;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;

/** The safetensors reader on any bytes: a file, or a {@link ModelFormatException} naming the file. */
class SafetensorsFuzzTest {
  private static final FuzzedReader SAFETENSORS =
      new FuzzedReader("safetensors", "input.safetensors", ModelFormatException.class);

  @FuzzTest(maxDuration = "30s")
  void safetensorsFileReadsOrIsRefusedNamingTheFile(byte[] input) {
    SAFETENSORS.check(input, file -> {
      SafetensorsFile read = SafetensorsFile.read(file);
      for (String name : read.names()) {
        read.bytes(name);
      }
    });
  }

  @AfterAll
  static void report() throws IOException {
    SAFETENSORS.report();
  }
}
