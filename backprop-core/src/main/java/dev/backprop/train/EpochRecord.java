package dev.backprop.train;

import dev.backprop.train.internal.MapReader;
import dev.backprop.train.internal.NonFiniteNumbers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch of training measured: the metrics on the training examples (averaged over the
 * epoch's batches as they were trained, as Keras reports them) and, with validation, on the
 * validation examples after the epoch ({@code val_} names); see {@link MetricNames}.
 *
 * @param epoch the epoch, counted from 0
 * @param metrics metric values by name, in a fixed order; unmodifiable
 * @param learningRate the learning rate the epoch was trained with
 * @param seconds the wall-clock time of the epoch, validation included
 * @param skippedBatches batches skipped for a non-finite loss or gradient ({@link
 *     NonFinitePolicy#SKIP_BATCH})
 */
public record EpochRecord(int epoch, Map<String, Double> metrics, double learningRate, double seconds,
    int skippedBatches) {

  /** Copies the metrics into an unmodifiable map that keeps their order. */
  public EpochRecord {
    if (epoch < 0 || skippedBatches < 0) {
      throw new IllegalArgumentException(
          "epoch record: epoch and skipped batches must be >= 0, got " + epoch + " and " + skippedBatches);
    }
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /**
   * The value of one metric.
   *
   * @throws IllegalArgumentException naming the metrics this record has, if it lacks this one
   */
  public double metric(String name) {
    Double v = metrics.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "epoch " + epoch + " has no metric '" + name + "'; it has " + metrics.keySet());
    }
    return v;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epoch", epoch);
    Map<String, Object> values = new LinkedHashMap<>();
    metrics.forEach((k, v) -> values.put(k, NonFiniteNumbers.write(v)));
    m.put("metrics", values);
    m.put("learning_rate", learningRate);
    m.put("seconds", seconds);
    m.put("skipped_batches", skippedBatches);
    return m;
  }

  static EpochRecord fromMap(MapReader r) {
    int epoch = r.integer("epoch");
    MapReader values = r.object("metrics");
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (String name : values.entries().keySet()) {
      metrics.put(name, values.number(name));
    }
    EpochRecord record = new EpochRecord(epoch, metrics, r.number("learning_rate"), r.number("seconds"),
        r.integer("skipped_batches"));
    r.rejectUnread();
    return record;
  }
}
