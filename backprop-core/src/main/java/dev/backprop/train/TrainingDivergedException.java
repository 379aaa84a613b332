package dev.backprop.train;

/**
 * Training met a NaN or infinite loss or gradient (under {@link NonFinitePolicy#STOP}). The message
 * names the epoch and batch (both counted from 1), the loss value if it is not finite, and the first
 * parameter whose gradient holds a non-finite value, by its dotted name and in words ({@code '2.weight'
 * ... the weight of layer 2 (Dense 16→3)}). The parameters are as they were before the batch, and
 * {@link Trainer#state()} describes the training up to the previous batch.
 */
public final class TrainingDivergedException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int batch;
  private final String parameter;

  TrainingDivergedException(int epoch, int batch, String parameter, String message) {
    super(message);
    this.epoch = epoch;
    this.batch = batch;
    this.parameter = parameter;
  }

  /** The epoch, counted from 0. */
  public int epoch() {
    return epoch;
  }

  /** The batch within the epoch, counted from 0. */
  public int batch() {
    return batch;
  }

  /** The dotted name of the first parameter with a non-finite gradient, or null if the loss was. */
  public String parameter() {
    return parameter;
  }
}
