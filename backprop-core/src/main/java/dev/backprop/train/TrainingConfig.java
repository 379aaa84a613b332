package dev.backprop.train;

import dev.backprop.optim.Adam;
import dev.backprop.optim.LearningRateSchedule;
import dev.backprop.optim.OptimizerSpec;
import java.util.Map;
import java.util.Objects;

/**
 * Every hyperparameter of a training run, as one immutable record: what a {@link Trainer} follows
 * and what a model file records as provenance ({@link #toMap()}).
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.of(20, 128, 42)
 *     .withOptimizer(new Adam.Spec(1e-3))
 *     .withSchedule(new LearningRateSchedule.CosineAnnealing(20))
 *     .withValidationSplit(0.1)
 *     .withEarlyStopping(EarlyStopping.on("val_loss").withPatience(3));
 * }</pre>
 *
 * @param epochs the number of passes over the training examples, ≥ 1
 * @param batchSize examples per minibatch, ≥ 1 (the last batch of an epoch may be smaller)
 * @param seed the seed of the per-epoch shuffles and the validation split
 * @param shuffle whether each epoch visits the examples in a fresh seeded order (else in order)
 * @param validationSplit the share in [0, 1) of the training examples held out for validation
 *     when no validation examples are given (stratified for classification); 0 for none
 * @param optimizer the optimizer and its hyperparameters
 * @param schedule the learning rate per epoch, or null for a constant rate
 * @param plateau reduce-on-plateau control of the learning rate, or null; not with a schedule
 * @param clipping gradient clipping, or null for none
 * @param earlyStopping early stopping, or null to always run every epoch
 * @param topK k of the top-k accuracy reported for classification (≥ 2), or 0 for none
 * @param onNonFinite what a NaN or infinite loss or gradient does
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    long seed,
    boolean shuffle,
    double validationSplit,
    OptimizerSpec optimizer,
    LearningRateSchedule schedule,
    ReduceOnPlateau plateau,
    GradientClipping clipping,
    EarlyStopping earlyStopping,
    int topK,
    NonFinitePolicy onNonFinite) {

  /** Checks every value. */
  public TrainingConfig {
    if (epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "training: epochs and batch size must be at least 1, got " + epochs + " and " + batchSize);
    }
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException(
          "training: the validation split must be in [0, 1), got " + validationSplit);
    }
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(onNonFinite, "onNonFinite");
    if (schedule != null && plateau != null) {
      throw new IllegalArgumentException(
          "training: a learning-rate schedule and reduce-on-plateau both set the rate; choose one");
    }
    if (topK == 1 || topK < 0) {
      throw new IllegalArgumentException(
          "training: top-k needs k >= 2 (top-1 is the accuracy), or 0 for none; got " + topK);
    }
  }

  /**
   * The given epochs, batch size and seed, with shuffling, Adam (η = 1e-3, PyTorch's defaults),
   * no validation split, constant learning rate, no clipping, no early stopping, no top-k and
   * {@link NonFinitePolicy#STOP}.
   */
  public static TrainingConfig of(int epochs, int batchSize, long seed) {
    return new TrainingConfig(epochs, batchSize, seed, true, 0, new Adam.Spec(1e-3), null, null, null,
        null, 0, NonFinitePolicy.STOP);
  }

  /** The same with another number of epochs. */
  public TrainingConfig withEpochs(int epochs) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with another batch size. */
  public TrainingConfig withBatchSize(int batchSize) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with another seed. */
  public TrainingConfig withSeed(long seed) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with shuffling on or off. */
  public TrainingConfig withShuffle(boolean shuffle) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with another validation split (0 for none). */
  public TrainingConfig withValidationSplit(double validationSplit) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with another optimizer. */
  public TrainingConfig withOptimizer(OptimizerSpec optimizer) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with a learning-rate schedule (null for none). */
  public TrainingConfig withSchedule(LearningRateSchedule schedule) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with reduce-on-plateau (null for none). */
  public TrainingConfig withPlateau(ReduceOnPlateau plateau) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with gradient clipping (null for none). */
  public TrainingConfig withClipping(GradientClipping clipping) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with early stopping (null for none). */
  public TrainingConfig withEarlyStopping(EarlyStopping earlyStopping) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with top-k accuracy for this k (0 for none). */
  public TrainingConfig withTopK(int topK) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /** The same with another policy for non-finite losses and gradients. */
  public TrainingConfig withOnNonFinite(NonFinitePolicy onNonFinite) {
    return new TrainingConfig(epochs, batchSize, seed, shuffle, validationSplit, optimizer, schedule, plateau,
        clipping, earlyStopping, topK, onNonFinite);
  }

  /**
   * This configuration as nested maps of strings, numbers, booleans and nulls (a JSON object's
   * shape), with snake-case keys; {@link #fromMap} reads it back to an equal record.
   */
  public Map<String, Object> toMap() {
    return ConfigMaps.write(this);
  }

  /**
   * The configuration a {@link #toMap()}-shaped map describes.
   *
   * @throws IllegalArgumentException naming the entry that is missing, unknown or of the wrong kind
   */
  public static TrainingConfig fromMap(Map<String, ?> map) {
    return ConfigMaps.read(map);
  }
}
