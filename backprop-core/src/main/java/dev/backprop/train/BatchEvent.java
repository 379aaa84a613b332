package dev.backprop.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trained minibatch, as {@link TrainingListener#onBatchEnd} reports it.
 *
 * @param epoch the epoch, counted from 0
 * @param batch the batch within the epoch, counted from 0
 * @param batches the number of batches in the epoch
 * @param size the number of examples in the batch
 * @param loss the batch's mean loss (before the update); NaN or infinite for a skipped batch
 * @param skipped whether the batch was skipped for a non-finite loss or gradient
 * @param metrics the epoch's training metrics over its batches so far, this one included: what a
 *     progress bar shows as "so far", and at the last batch what the epoch's record reports (without
 *     the validation metrics); unmodifiable
 */
public record BatchEvent(int epoch, int batch, int batches, int size, double loss, boolean skipped,
    Map<String, Double> metrics) {

  /** Copies the metrics into an unmodifiable map that keeps their order. */
  public BatchEvent {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
