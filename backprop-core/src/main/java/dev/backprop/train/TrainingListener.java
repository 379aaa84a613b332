package dev.backprop.train;

/**
 * Receives a {@link Trainer}'s events, on the training thread: progress bars, logs, checkpoints
 * ({@link Trainer#state()} inside {@link #onEpochEnd} is the state after that epoch). Every method
 * does nothing unless overridden. An exception thrown here ends training and reaches the caller of
 * {@link Trainer#fit}.
 */
public interface TrainingListener {
  /** Training starts (or resumes) at {@code epoch} of {@code epochs}, both counted from 0. */
  default void onTrainBegin(int epoch, int epochs) {}

  /** An epoch of {@code batches} batches starts (not called when resuming in its middle). */
  default void onEpochStart(int epoch, int batches) {}

  /** A batch has been trained (or skipped). */
  default void onBatchEnd(BatchEvent event) {}

  /** An epoch has ended: its record holds the training and validation metrics. */
  default void onEpochEnd(EpochRecord record) {}

  /** Training has ended: every epoch ran, early stopping ended it, or a stop was requested. */
  default void onTrainEnd(History history) {}
}
