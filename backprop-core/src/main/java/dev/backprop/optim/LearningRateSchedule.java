package dev.backprop.optim;

import java.util.Objects;

/**
 * A learning rate as a function of the epoch, relative to the optimizer's initial rate η₀. An
 * {@link EpochScheduler} applies it to an optimizer once per epoch. Each schedule is an immutable
 * record, so it can be recorded with a model's provenance.
 */
public sealed interface LearningRateSchedule
    permits LearningRateSchedule.Constant,
        LearningRateSchedule.StepDecay,
        LearningRateSchedule.ExponentialDecay,
        LearningRateSchedule.CosineAnnealing,
        LearningRateSchedule.LinearWarmup {

  /** The learning rate for {@code epoch} (0 for the first) when the initial rate is {@code lr0}. */
  double learningRate(double lr0, int epoch);

  /** This schedule after {@code epochs} of linear warm-up from {@code startFactor}·η₀. */
  default LearningRateSchedule afterWarmup(int epochs, double startFactor) {
    return new LinearWarmup(epochs, startFactor, this);
  }

  /** η = η₀ in every epoch. */
  record Constant() implements LearningRateSchedule {
    @Override
    public double learningRate(double lr0, int epoch) {
      return lr0;
    }
  }

  /**
   * η = η₀·γ^⌊epoch / stepSize⌋: multiplied by γ every {@code stepSize} epochs, as PyTorch's
   * {@code StepLR}.
   *
   * @param stepSize epochs between decays, ≥ 1
   * @param gamma the factor γ ≥ 0 applied every {@code stepSize} epochs
   */
  record StepDecay(int stepSize, double gamma) implements LearningRateSchedule {
    /** Checks the values. */
    public StepDecay {
      requirePositive("StepDecay", "stepSize", stepSize);
      requireFactor("StepDecay", "gamma", gamma);
    }

    @Override
    public double learningRate(double lr0, int epoch) {
      return lr0 * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }
  }

  /**
   * η = η₀·γ^epoch, as PyTorch's {@code ExponentialLR}.
   *
   * @param gamma the factor γ ≥ 0 per epoch
   */
  record ExponentialDecay(double gamma) implements LearningRateSchedule {
    /** Checks the value. */
    public ExponentialDecay {
      requireFactor("ExponentialDecay", "gamma", gamma);
    }

    @Override
    public double learningRate(double lr0, int epoch) {
      return lr0 * Math.pow(gamma, epoch);
    }
  }

  /**
   * η = η_min + (η₀ − η_min)·(1 + cos(π·epoch / epochs)) / 2 for epoch ≤ {@code epochs}, then
   * η_min: PyTorch's {@code CosineAnnealingLR} in closed form, except that it stays at the
   * minimum after the last epoch instead of rising again.
   *
   * @param epochs the epoch T at which the minimum is reached, ≥ 1
   * @param minLr the minimum η_min ≥ 0
   */
  record CosineAnnealing(int epochs, double minLr) implements LearningRateSchedule {
    /** Checks the values. */
    public CosineAnnealing {
      requirePositive("CosineAnnealing", "epochs", epochs);
      requireFactor("CosineAnnealing", "minLr", minLr);
    }

    /** Annealing to zero. */
    public CosineAnnealing(int epochs) {
      this(epochs, 0);
    }

    @Override
    public double learningRate(double lr0, int epoch) {
      if (epoch >= epochs) {
        return minLr;
      }
      return minLr + (lr0 - minLr) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
    }
  }

  /**
   * η = η₀·(s + (1 − s)·epoch / W) for the first W epochs (PyTorch's {@code LinearLR} from
   * factor s to 1), then {@code then} restarted at its own epoch 0 (as PyTorch's {@code
   * SequentialLR}).
   *
   * @param epochs the warm-up length W ≥ 1
   * @param startFactor s ∈ [0, 1], the fraction of η₀ in the first epoch
   * @param then the schedule that follows
   */
  record LinearWarmup(int epochs, double startFactor, LearningRateSchedule then)
      implements LearningRateSchedule {
    /** Checks the values. */
    public LinearWarmup {
      requirePositive("LinearWarmup", "epochs", epochs);
      if (!(startFactor >= 0 && startFactor <= 1)) {
        throw new IllegalArgumentException(
            "LinearWarmup: startFactor must be in [0, 1], got " + startFactor);
      }
      Objects.requireNonNull(then, "then");
    }

    /** Warm-up to a constant rate. */
    public LinearWarmup(int epochs, double startFactor) {
      this(epochs, startFactor, new Constant());
    }

    @Override
    public double learningRate(double lr0, int epoch) {
      if (epoch < epochs) {
        return lr0 * (startFactor + (1 - startFactor) * epoch / epochs);
      }
      return then.learningRate(lr0, epoch - epochs);
    }
  }

  private static void requirePositive(String schedule, String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(schedule + ": " + name + " must be >= 1, got " + value);
    }
  }

  private static void requireFactor(String schedule, String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          schedule + ": " + name + " must be a finite number >= 0, got " + value);
    }
  }
}
