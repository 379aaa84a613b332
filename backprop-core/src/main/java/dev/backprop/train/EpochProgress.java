package dev.backprop.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of an epoch already trained, when training stopped in its middle: enough for the
 * resumed epoch to report exactly the metrics an uninterrupted one would.
 *
 * @param seconds the time spent in the epoch so far
 * @param skippedBatches batches skipped so far for non-finite values
 * @param sums the running sums of the training metrics, as named arrays; unmodifiable
 */
public record EpochProgress(double seconds, int skippedBatches, Map<String, double[]> sums) {
  /** Checks the counts and copies the map (not the arrays). */
  public EpochProgress {
    if (!(seconds >= 0) || skippedBatches < 0) {
      throw new IllegalArgumentException(
          "epoch progress: seconds and skipped batches must be >= 0, got " + seconds + " and " + skippedBatches);
    }
    sums = Collections.unmodifiableMap(new LinkedHashMap<>(sums));
  }
}
