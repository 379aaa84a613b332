package dev.backprop.train;

/** What training does when a batch's loss or a gradient is NaN or infinite. */
public enum NonFinitePolicy {
  /**
   * Stop with a {@link TrainingDivergedException} naming the epoch, the batch and the first
   * parameter whose gradient is not finite; no parameter is updated from that batch.
   */
  STOP,
  /**
   * Skip the batch: no update, and it does not count in the epoch's metrics; the epoch's record
   * counts the skipped batches.
   */
  SKIP_BATCH
}
