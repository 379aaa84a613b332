package dev.backprop.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.data.Task;
import dev.backprop.io.ModelFormatException;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.ReduceLROnPlateau;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.Examples;
import dev.backprop.train.ReduceOnPlateau;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file's training state must resume: parts that contradict each other are refused when the
 * file is read, not when a run tries to continue from it. Found by fuzzing the metadata
 * ({@code backprop-fuzz}'s ModelMetadataFuzzTest).
 */
class TrainingStateConsistencyTest {
  @TempDir
  Path dir;

  private Path savedWithPlateau() throws IOException {
    Examples data = Examples.classification(Tensor.of(new float[] {0, 1, 1, 0, 2, 2, 3, 1}, 4, 2),
        new int[] {0, 1, 0, 1}, 2);
    Trainer t = new Trainer(Sequential.mlp(2, 3, 2).build(1), new CategoricalCrossEntropy(),
        TrainingConfig.of(1, 2, 1).withPlateau(new ReduceOnPlateau("loss", new ReduceLROnPlateau.Spec())));
    t.fit(data);
    Path file = dir.resolve("plateau.bpm");
    SavedModel.of(t.network(), t.loss(), Task.CLASSIFICATION, Preprocessing.none(), Provenance.untrained())
        .withTrainingState(t.state()).save(file);
    return file;
  }

  @Test
  void aSchedulerStateWithoutASchedulerInTheConfigurationIsRefusedOnLoading() throws IOException {
    Path tampered = Rewriter.rewrite(savedWithPlateau(), dir.resolve("tampered.bpm"), r ->
        r.metadata.computeIfPresent("backprop.training_state", (k, v) -> v.replaceFirst("\"plateau\":\\{[^}]*\\}",
            "\"plateau\":null")));

    assertThatThrownBy(() -> SavedModel.load(tampered))
        .isInstanceOf(ModelFormatException.class)
        .hasMessage(tampered + ": model: restore: the state has a scheduler state, but the run has no scheduler");
  }

  @Test
  void aSchedulerStateMissingItsValuesIsRefusedOnLoading() throws IOException {
    Path tampered = Rewriter.rewrite(savedWithPlateau(), dir.resolve("tampered.bpm"), r ->
        r.metadata.computeIfPresent("backprop.training_state", (k, v) -> v.replaceFirst("\"bad_epochs\":[^,}]*,", "")));

    assertThatThrownBy(() -> SavedModel.load(tampered))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(tampered + ": model: ReduceLROnPlateau state: missing 'bad_epochs'");
  }
}
