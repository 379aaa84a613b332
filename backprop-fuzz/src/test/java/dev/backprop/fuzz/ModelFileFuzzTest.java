package dev.backprop.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.io.ModelFormatException;
import dev.backprop.model.SavedModel;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;

/**
 * The model-file reader on any bytes: a model that predicts, or a {@link ModelFormatException}
 * naming the file. A file that loads must be usable: it predicts, and a training state it carries
 * restores into a trainer of its architecture.
 */
class ModelFileFuzzTest {
  private static final FuzzedReader MODEL = new FuzzedReader("model file", "input.bpm", ModelFormatException.class);

  @FuzzTest(maxDuration = "30s")
  void modelFileLoadsAndPredictsOrIsRefusedNamingTheFile(byte[] input) {
    MODEL.check(input, file -> {
      Usable.check(SavedModel.load(file));
    });
  }

  @AfterAll
  static void report() throws IOException {
    MODEL.report();
  }
}
