package dev.backprop.train;

import dev.backprop.optim.ReduceLROnPlateau;
import java.util.Objects;

/**
 * Reduce-on-plateau learning-rate control for a {@link Trainer}: at the end of every epoch the
 * metric {@code monitor} of that epoch's record (e.g. {@code val_loss}) is given to a {@link
 * ReduceLROnPlateau} with these settings. Set its {@linkplain ReduceLROnPlateau.Mode mode} to MAX
 * for metrics where higher is better (accuracies).
 *
 * @param monitor the metric watched, as named in {@link EpochRecord#metrics()}
 * @param settings factor, patience, threshold, cool-down and minimum rate
 */
public record ReduceOnPlateau(String monitor, ReduceLROnPlateau.Spec settings) {
  /** Checks that both are given. */
  public ReduceOnPlateau {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(settings, "settings");
    boolean maximize = settings.mode() == ReduceLROnPlateau.Mode.MAX;
    if (maximize != MetricNames.higherIsBetter(monitor)) {
      throw new IllegalArgumentException(
          "reduce-on-plateau: " + monitor + " is better when " + (maximize ? "lower" : "higher")
              + ", but the mode is " + settings.mode() + "; use mode " + (maximize ? "MIN" : "MAX"));
    }
  }
}
