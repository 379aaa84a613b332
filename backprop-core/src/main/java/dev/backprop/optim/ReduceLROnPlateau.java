package dev.backprop.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Multiplies the learning rate by a factor when a monitored metric has stopped improving, as
 * PyTorch's {@code ReduceLROnPlateau}. At the end of each epoch, {@link #step(double)} with the
 * metric:
 *
 * <ol>
 *   <li>the metric improves on the best so far if it is below best·(1 − threshold) (mode min,
 *       relative threshold), below best − threshold (min, absolute), above best·(1 + threshold)
 *       (max, relative) or above best + threshold (max, absolute); an improvement becomes the
 *       best and clears the count of bad epochs, anything else (NaN included) adds one;
 *   <li>during a cool-down after a reduction, bad epochs are not counted;
 *   <li>once more than {@code patience} epochs in a row were bad, η ← max(η·factor, minLr)
 *       (unless that changes η by no more than {@code eps}), the count clears and a cool-down of
 *       {@code cooldown} epochs starts.
 * </ol>
 */
public final class ReduceLROnPlateau implements LearningRateScheduler {
  /** Whether lower or higher values of the metric are better. */
  public enum Mode {
    /** Lower is better: losses, errors. */
    MIN,
    /** Higher is better: accuracies. */
    MAX
  }

  /** Whether the threshold is a fraction of the best value or an amount in its units. */
  public enum ThresholdMode {
    /** An improvement must beat best·(1 ∓ threshold), as PyTorch's 'rel'. */
    RELATIVE,
    /** An improvement must beat the best by {@code threshold}, as PyTorch's 'abs'. */
    ABSOLUTE
  }

  /**
   * The settings; the no-argument constructor takes PyTorch's defaults (min, factor 0.1, patience
   * 10, threshold 1e-4 relative, no cool-down, minimum 0, eps 1e-8).
   *
   * @param mode whether the metric is minimized or maximized
   * @param factor the factor in [0, 1) applied to the learning rate
   * @param patience how many bad epochs in a row are tolerated, ≥ 0
   * @param threshold how much better a value must be to count as an improvement, ≥ 0 (and &lt; 1
   *     when relative)
   * @param thresholdMode how {@code threshold} is applied
   * @param cooldown epochs after a reduction during which bad epochs are not counted, ≥ 0
   * @param minLr the lower bound of the learning rate, ≥ 0
   * @param eps reductions that change the learning rate by no more than this are skipped
   */
  public record Spec(
      Mode mode,
      double factor,
      int patience,
      double threshold,
      ThresholdMode thresholdMode,
      int cooldown,
      double minLr,
      double eps) {
    /** Checks every value. */
    public Spec {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(thresholdMode, "thresholdMode");
      if (!(factor >= 0 && factor < 1)) {
        throw new IllegalArgumentException(
            "ReduceLROnPlateau: factor must be in [0, 1), got " + factor);
      }
      if (patience < 0 || cooldown < 0) {
        throw new IllegalArgumentException(
            "ReduceLROnPlateau: patience and cooldown must be >= 0, got " + patience + " and "
                + cooldown);
      }
      Hyperparameters.nonNegative("ReduceLROnPlateau", "threshold", threshold);
      if (thresholdMode == ThresholdMode.RELATIVE && threshold >= 1) {
        throw new IllegalArgumentException(
            "ReduceLROnPlateau: a relative threshold must be below 1, got " + threshold);
      }
      Hyperparameters.nonNegative("ReduceLROnPlateau", "minLr", minLr);
      Hyperparameters.nonNegative("ReduceLROnPlateau", "eps", eps);
    }

    /** PyTorch's defaults. */
    public Spec() {
      this(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.RELATIVE, 0, 0, 1e-8);
    }

    /** The same for a metric minimized or maximized. */
    public Spec withMode(Mode mode) {
      return new Spec(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** The same with another reduction factor. */
    public Spec withFactor(double factor) {
      return new Spec(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** The same with another patience. */
    public Spec withPatience(int patience) {
      return new Spec(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** The same with another threshold and threshold mode. */
    public Spec withThreshold(double threshold, ThresholdMode thresholdMode) {
      return new Spec(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** The same with another cool-down. */
    public Spec withCooldown(int cooldown) {
      return new Spec(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }

    /** The same with another minimum learning rate. */
    public Spec withMinLr(double minLr) {
      return new Spec(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
    }
  }

  private final Optimizer optimizer;
  private final Spec spec;
  private double best;
  private int badEpochs;
  private int cooldownLeft;
  private int epoch;

  /** Watches a metric for {@code optimizer}; its learning rate is left as it is until a plateau. */
  public ReduceLROnPlateau(Optimizer optimizer, Spec spec) {
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.best = worst();
  }

  private double worst() {
    return spec.mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  @Override
  public void step(double metric) {
    epoch++;
    if (isBetter(metric)) {
      best = metric;
      badEpochs = 0;
    } else {
      badEpochs++;
    }
    if (cooldownLeft > 0) {
      cooldownLeft--;
      badEpochs = 0;
    }
    if (badEpochs > spec.patience) {
      reduce();
      cooldownLeft = spec.cooldown;
      badEpochs = 0;
    }
  }

  private boolean isBetter(double metric) {
    boolean relative = spec.thresholdMode == ThresholdMode.RELATIVE;
    if (spec.mode == Mode.MIN) {
      return metric < (relative ? best * (1 - spec.threshold) : best - spec.threshold);
    }
    return metric > (relative ? best * (1 + spec.threshold) : best + spec.threshold);
  }

  private void reduce() {
    double old = optimizer.learningRate();
    double reduced = Math.max(old * spec.factor, spec.minLr);
    if (old - reduced > spec.eps) {
      optimizer.setLearningRate(reduced);
    }
  }

  @Override
  public int epoch() {
    return epoch;
  }

  /** The settings. */
  public Spec spec() {
    return spec;
  }

  /** The best metric seen so far; +∞ (min) or −∞ (max) before the first epoch. */
  public double best() {
    return best;
  }

  /** Bad epochs in a row counted so far. */
  public int badEpochs() {
    return badEpochs;
  }

  /** Epochs of cool-down left. */
  public int cooldownLeft() {
    return cooldownLeft;
  }

  /**
   * Keys {@code epoch}, {@code best} (±∞ before the first epoch), {@code bad_epochs}, {@code
   * cooldown_left} and {@code lr}.
   */
  @Override
  public Map<String, Double> exportState() {
    Map<String, Double> state = new LinkedHashMap<>();
    state.put("epoch", (double) epoch);
    state.put("best", best);
    state.put("bad_epochs", (double) badEpochs);
    state.put("cooldown_left", (double) cooldownLeft);
    state.put("lr", optimizer.learningRate());
    return state;
  }

  @Override
  public void importState(Map<String, Double> state) {
    SchedulerState s =
        new SchedulerState(
            "ReduceLROnPlateau", state, "epoch", "best", "bad_epochs", "cooldown_left", "lr");
    int restoredEpoch = s.count("epoch");
    double restoredBest = s.notNaN("best");
    int restoredBad = s.count("bad_epochs");
    int restoredCooldown = s.count("cooldown_left");
    double lr = s.nonNegative("lr");
    epoch = restoredEpoch;
    best = restoredBest;
    badEpochs = restoredBad;
    cooldownLeft = restoredCooldown;
    optimizer.setLearningRate(lr);
  }
}
