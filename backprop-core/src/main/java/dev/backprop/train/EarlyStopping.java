package dev.backprop.train;

import java.util.Objects;

/**
 * Stops training when a monitored metric has stopped improving, as Keras' {@code EarlyStopping}.
 * After each epoch the metric's value v counts as an improvement when v &lt; best − minDelta
 * (mode MIN) or v &gt; best + minDelta (mode MAX); NaN never does. An improvement resets the count
 * of epochs without one; training stops once that count reaches {@code patience}. With {@code
 * restoreBestWeights}, the parameters and buffers of the best epoch are put back when training ends
 * (stopped early or not).
 *
 * @param monitor the metric watched, as named in {@link EpochRecord#metrics()} ({@code val_loss},
 *     {@code accuracy}, ...)
 * @param mode whether lower or higher is better; AUTO takes MAX for accuracies, precision, recall,
 *     F1 and R², MIN for everything else
 * @param patience epochs without improvement tolerated, ≥ 1
 * @param minDelta the smallest change that counts as an improvement, ≥ 0
 * @param restoreBestWeights whether to restore the best epoch's weights at the end
 */
public record EarlyStopping(String monitor, Mode mode, int patience, double minDelta, boolean restoreBestWeights) {
  /** Whether lower or higher values of the monitored metric are better. */
  public enum Mode {
    /** Lower is better. */
    MIN,
    /** Higher is better. */
    MAX,
    /** Decided from the metric's name. */
    AUTO
  }

  /** Checks the values. */
  public EarlyStopping {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(mode, "mode");
    if (patience < 1) {
      throw new IllegalArgumentException("early stopping: patience must be at least 1, got " + patience);
    }
    if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
      throw new IllegalArgumentException(
          "early stopping: minDelta must be a finite number >= 0, got " + minDelta);
    }
  }

  /** Watches {@code monitor} with mode AUTO, patience 5, no minimum delta, restoring the best weights. */
  public static EarlyStopping on(String monitor) {
    return new EarlyStopping(monitor, Mode.AUTO, 5, 0, true);
  }

  /** The same with another mode. */
  public EarlyStopping withMode(Mode mode) {
    return new EarlyStopping(monitor, mode, patience, minDelta, restoreBestWeights);
  }

  /** The same with another patience. */
  public EarlyStopping withPatience(int patience) {
    return new EarlyStopping(monitor, mode, patience, minDelta, restoreBestWeights);
  }

  /** The same with another minimum delta. */
  public EarlyStopping withMinDelta(double minDelta) {
    return new EarlyStopping(monitor, mode, patience, minDelta, restoreBestWeights);
  }

  /** The same with restoring the best weights on or off. */
  public EarlyStopping withRestoreBestWeights(boolean restore) {
    return new EarlyStopping(monitor, mode, patience, minDelta, restore);
  }

  /** Whether higher values are better: the mode, with AUTO resolved from the metric's name. */
  public boolean maximizes() {
    return switch (mode) {
      case MAX -> true;
      case MIN -> false;
      case AUTO -> MetricNames.higherIsBetter(monitor);
    };
  }
}
