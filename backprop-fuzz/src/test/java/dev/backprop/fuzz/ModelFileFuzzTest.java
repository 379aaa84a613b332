package dev.backprop.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.io.ModelFormatException;
import dev.backprop.model.SavedModel;
import dev.backprop.tensor.Tensor;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;

/**
 * The model-file reader on any bytes: a model that predicts, or a {@link ModelFormatException}
 * naming the file. A file that loads must be usable: predicting a few rows may not throw.
 */
class ModelFileFuzzTest {
  private static final FuzzedReader MODEL = new FuzzedReader("model file", "input.bpm", ModelFormatException.class);

  @FuzzTest(maxDuration = "30s")
  void modelFileLoadsAndPredictsOrIsRefusedNamingTheFile(byte[] input) {
    MODEL.check(input, file -> {
      SavedModel model = SavedModel.load(file);
      model.predict(Tensor.zeros(3, model.inputs()));
    });
  }

  @AfterAll
  static void report() throws IOException {
    MODEL.report();
  }
}
