package dev.backprop.train;

import dev.backprop.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where early stopping stands, for exact resume.
 *
 * @param best the best monitored value so far; +∞ (minimizing) or −∞ (maximizing) before any epoch
 * @param bestEpoch the epoch of the best value, counted from 0; −1 before any
 * @param epochsWithoutImprovement epochs since the last improvement
 * @param stopped whether it has stopped training
 * @param bestWeights the parameters and buffers of the best epoch by dotted name, when the best
 *     weights are to be restored; empty otherwise; unmodifiable
 */
public record EarlyStoppingState(double best, int bestEpoch, int epochsWithoutImprovement, boolean stopped, Map<String, Tensor> bestWeights) {
  /** Checks the counts and copies the map. */
  public EarlyStoppingState {
    if (Double.isNaN(best) || bestEpoch < -1 || epochsWithoutImprovement < 0) {
      throw new IllegalArgumentException(
          "early stopping state: best must not be NaN, bestEpoch must be >= -1 and epochsWithoutImprovement >= 0, got " + best + ", "
              + bestEpoch + ", " + epochsWithoutImprovement);
    }
    bestWeights = Collections.unmodifiableMap(new LinkedHashMap<>(bestWeights));
  }
}
