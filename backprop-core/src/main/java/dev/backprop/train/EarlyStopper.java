package dev.backprop.train;

import dev.backprop.nn.Module;
import dev.backprop.tensor.Tensor;
import java.util.Map;

/** Follows an {@link EarlyStopping} rule through a run; its state is an {@link EarlyStoppingState}. */
final class EarlyStopper {
  private final EarlyStopping rule;
  private final boolean maximize;
  private double best;
  private int bestEpoch = -1;
  private int wait;
  private boolean stopped;
  private Map<String, Tensor> bestWeights = Map.of();

  EarlyStopper(EarlyStopping rule) {
    this.rule = rule;
    this.maximize = rule.maximizes();
    this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  /** Takes an epoch's record into account; true when training should stop now. */
  boolean update(EpochRecord record, Module model) {
    double v = record.metric(rule.monitor());
    boolean improved = maximize ? v > best + rule.minDelta() : v < best - rule.minDelta();
    if (improved) {
      best = v;
      bestEpoch = record.epoch();
      wait = 0;
      if (rule.restoreBestWeights()) {
        bestWeights = model.state();
      }
    } else {
      wait++;
      stopped = wait >= rule.patience();
    }
    return stopped;
  }

  boolean stopped() {
    return stopped;
  }

  int bestEpoch() {
    return bestEpoch;
  }

  /** Puts the best epoch's weights back, if asked to and there was a best epoch. */
  void restoreBest(Module model) {
    if (rule.restoreBestWeights() && bestEpoch >= 0) {
      model.loadState(bestWeights);
    }
  }

  EarlyStoppingState export() {
    return new EarlyStoppingState(best, bestEpoch, wait, stopped, bestWeights);
  }

  void restore(EarlyStoppingState state) {
    if (rule.restoreBestWeights() && state.bestEpoch() >= 0 && state.bestWeights().isEmpty()) {
      throw new IllegalArgumentException(
          "early stopping state: restoring the best weights is on, but the state holds none for epoch "
              + state.bestEpoch());
    }
    best = state.best();
    bestEpoch = state.bestEpoch();
    wait = state.epochsWithoutImprovement();
    stopped = state.stopped();
    bestWeights = state.bestWeights();
  }
}
