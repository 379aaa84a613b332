package dev.backprop.train;

/**
 * One trained minibatch, as {@link TrainingListener#onBatchEnd} reports it.
 *
 * @param epoch the epoch, counted from 0
 * @param batch the batch within the epoch, counted from 0
 * @param batches the number of batches in the epoch
 * @param size the number of examples in the batch
 * @param loss the batch's mean loss (before the update); NaN or infinite for a skipped batch
 * @param skipped whether the batch was skipped for a non-finite loss or gradient
 */
public record BatchEvent(int epoch, int batch, int batches, int size, double loss, boolean skipped) {}
