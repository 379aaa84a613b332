package dev.backprop.checkpoint;

import dev.backprop.model.SavedModel;
import dev.backprop.train.TrainingState;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One checkpoint file, read and checked: a model file ({@link SavedModel}) that carries the whole
 * training state, so it both predicts and lets a {@link dev.backprop.train.Trainer} continue exactly.
 *
 * @param file the file
 * @param model the model, with its training state
 */
public record Checkpoint(Path file, SavedModel model) {
  /**
   * Checks that the model carries a training state.
   *
   * @throws IllegalArgumentException if it does not
   */
  public Checkpoint {
    Objects.requireNonNull(file, "file");
    if (model.trainingState().isEmpty()) {
      throw new IllegalArgumentException(file + ": a model file without a training state is not a checkpoint");
    }
  }

  /** The training state: epoch, batch, weights, optimizer, generators, history and early stopping. */
  public TrainingState state() {
    return model.trainingState().orElseThrow();
  }

  /** Epochs completed. */
  public int epoch() {
    return state().epoch();
  }

  /** Batches of the following epoch completed (0 at an epoch boundary). */
  public int batch() {
    return state().batch();
  }
}
