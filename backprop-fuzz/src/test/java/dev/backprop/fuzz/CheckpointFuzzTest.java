package dev.backprop.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.checkpoint.Checkpoint;
import dev.backprop.checkpoint.Checkpoints;
import dev.backprop.io.ModelFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;

/**
 * The checkpoint reader on any bytes in a checkpoint folder: the newest valid checkpoint, or none
 * and one warning naming the file. A checkpoint that reads must resume: a trainer of its own
 * architecture and configuration takes its state without complaint.
 */
class CheckpointFuzzTest {
  private static final FuzzedReader CHECKPOINT =
      new FuzzedReader("checkpoint", "epoch-000002.bpm", ModelFormatException.class);

  @FuzzTest(maxDuration = "30s")
  void checkpointResumesOrIsSkippedWithAWarningNamingTheFile(byte[] input) {
    CHECKPOINT.check(input, CheckpointFuzzTest::resume);
  }

  private static void resume(Path file) throws ModelFormatException, IOException {
    List<String> warnings = new ArrayList<>();
    Optional<Checkpoint> newest = Checkpoints.in(file.getParent()).onWarning(warnings::add).newest();
    if (newest.isEmpty()) {
      // Skipping is how the checkpoint reader refuses a file; the warning must say which and why.
      if (warnings.size() != 1 || !warnings.get(0).contains(file.toString())) {
        throw new AssertionError("a skipped checkpoint must give one warning naming it, got " + warnings);
      }
      throw new ModelFormatException(file, warnings.get(0));
    }
    Usable.check(newest.get().model());
  }

  @AfterAll
  static void report() throws IOException {
    CHECKPOINT.report();
  }
}
