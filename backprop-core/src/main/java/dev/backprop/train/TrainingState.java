package dev.backprop.train;

import dev.backprop.nn.LayerSpec;
import dev.backprop.optim.OptimizerState;
import dev.backprop.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link Trainer} needs to continue a run exactly where it stopped: {@link
 * Trainer#restore} on a trainer over a network of the same architecture, then {@link Trainer#fit},
 * ends bit-identical to a run that never stopped. Taken by {@link Trainer#state()} at any batch
 * boundary (after each epoch in {@link TrainingListener#onEpochEnd}, or after {@link
 * Trainer#requestStop()}).
 *
 * @param config the run's configuration
 * @param epoch epochs completed
 * @param batch batches of epoch {@code epoch} completed (0 at an epoch boundary)
 * @param history the records of the completed epochs
 * @param architecture the network's configuration (dropout seeds included), which a resumed run's
 *     network must have
 * @param model every parameter and buffer by dotted name (copies)
 * @param generators the positions of the network's random generators (dropout)
 * @param optimizer the optimizer's hyperparameters, step counts and moment buffers
 * @param scheduler the learning-rate scheduler's state; empty without one
 * @param earlyStopping early stopping's state, or null without early stopping
 * @param progress the sums of the unfinished epoch, or null at an epoch boundary
 */
public record TrainingState(
    TrainingConfig config,
    int epoch,
    int batch,
    History history,
    LayerSpec architecture,
    Map<String, Tensor> model,
    Map<String, Long> generators,
    OptimizerState optimizer,
    Map<String, Double> scheduler,
    EarlyStoppingState earlyStopping,
    EpochProgress progress) {

  /** Checks consistency and copies the maps (not the tensors). */
  public TrainingState {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(optimizer, "optimizer");
    if (epoch < 0 || batch < 0 || history.size() != epoch) {
      throw new IllegalArgumentException("training state: epoch " + epoch + ", batch " + batch + " with "
          + history.size() + " epochs of history; the history must hold one record per completed epoch");
    }
    if ((batch > 0) != (progress != null)) {
      throw new IllegalArgumentException(
          "training state: progress must be given exactly when the state is inside an epoch (batch > 0)");
    }
    if ((config.earlyStopping() != null) != (earlyStopping != null)) {
      throw new IllegalArgumentException(
          "training state: early-stopping state must be given exactly when the configuration has early stopping");
    }
    model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
    generators = Collections.unmodifiableMap(new LinkedHashMap<>(generators));
    scheduler = Collections.unmodifiableMap(new LinkedHashMap<>(scheduler));
  }
}
