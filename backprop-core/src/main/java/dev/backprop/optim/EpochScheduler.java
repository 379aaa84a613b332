package dev.backprop.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Drives an optimizer's learning rate from a {@link LearningRateSchedule}, one epoch at a time, as
 * PyTorch's schedulers do: the constructor sets the rate of epoch 0 from the optimizer's current
 * rate η₀, and each {@link #step()} at the end of an epoch sets the rate of the next.
 *
 * <pre>{@code
 * var scheduler = new EpochScheduler(optimizer, new CosineAnnealing(30).afterWarmup(5, 0.1));
 * for (int epoch = 0; epoch < 35; epoch++) {
 *   trainOneEpoch(optimizer);
 *   scheduler.step();
 * }
 * }</pre>
 */
public final class EpochScheduler implements LearningRateScheduler {
  private final Optimizer optimizer;
  private final LearningRateSchedule schedule;
  private double initialLr;
  private int epoch;

  /** Takes the optimizer's current learning rate as η₀ and sets the rate of epoch 0. */
  public EpochScheduler(Optimizer optimizer, LearningRateSchedule schedule) {
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.initialLr = optimizer.learningRate();
    apply();
  }

  /** Ends an epoch: sets the learning rate of the next. */
  public void step() {
    epoch++;
    apply();
  }

  /** As {@link #step()}; the metric is ignored. */
  @Override
  public void step(double metric) {
    step();
  }

  @Override
  public int epoch() {
    return epoch;
  }

  /** The schedule this scheduler follows. */
  public LearningRateSchedule schedule() {
    return schedule;
  }

  /** Keys {@code epoch} and {@code initial_lr} (η₀). */
  @Override
  public Map<String, Double> exportState() {
    Map<String, Double> state = new LinkedHashMap<>();
    state.put("epoch", (double) epoch);
    state.put("initial_lr", initialLr);
    return state;
  }

  @Override
  public void importState(Map<String, Double> state) {
    SchedulerState s = new SchedulerState("EpochScheduler", state, "epoch", "initial_lr");
    int restoredEpoch = s.count("epoch");
    double restoredLr = s.nonNegative("initial_lr");
    epoch = restoredEpoch;
    initialLr = restoredLr;
    apply();
  }

  private void apply() {
    optimizer.setLearningRate(schedule.learningRate(initialLr, epoch));
  }
}
