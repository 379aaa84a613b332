package dev.backprop.optim;

import java.util.Map;

/**
 * Sets an optimizer's learning rate once per epoch: {@link EpochScheduler} from a fixed {@link
 * LearningRateSchedule}, {@link ReduceLROnPlateau} from a monitored metric. A training loop calls
 * {@link #step(double)} at the end of every epoch and saves {@link #exportState()} with its
 * checkpoints.
 */
public sealed interface LearningRateScheduler permits EpochScheduler, ReduceLROnPlateau {

  /**
   * Ends an epoch and sets the learning rate for the next one.
   *
   * @param metric the monitored value of the epoch that ended (say, the validation loss); fixed
   *     schedules ignore it
   */
  void step(double metric);

  /** The number of epochs ended so far. */
  int epoch();

  /** The scheduler's progress as named scalars, for checkpoints. */
  Map<String, Double> exportState();

  /**
   * Restores the progress from {@link #exportState()} and sets the optimizer's learning rate to
   * match it.
   *
   * @throws IllegalArgumentException if a value is missing, unexpected or out of range
   */
  void importState(Map<String, Double> state);
}
