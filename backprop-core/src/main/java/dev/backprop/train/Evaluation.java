package dev.backprop.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of a network on a set of examples ({@link Trainer#evaluate}): the mean loss and the
 * task's metrics by the names of {@link MetricNames}, and for classification the confusion matrix.
 */
public final class Evaluation {
  private final Map<String, Double> metrics;
  private final ConfusionMatrix confusion;
  private final int examples;

  Evaluation(Map<String, Double> metrics, ConfusionMatrix confusion, int examples) {
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    this.confusion = confusion;
    this.examples = examples;
  }

  /** The metrics by name, in a fixed order; unmodifiable. */
  public Map<String, Double> metrics() {
    return metrics;
  }

  /**
   * One metric.
   *
   * @throws IllegalArgumentException naming the metrics there are, if this one is not
   */
  public double metric(String name) {
    Double v = metrics.get(name);
    if (v == null) {
      throw new IllegalArgumentException("evaluation has no metric '" + name + "'; it has " + metrics.keySet());
    }
    return v;
  }

  /** The confusion matrix; empty for regression. */
  public Optional<ConfusionMatrix> confusionMatrix() {
    return Optional.ofNullable(confusion);
  }

  /** The number of examples evaluated. */
  public int examples() {
    return examples;
  }

  @Override
  public String toString() {
    return "Evaluation(" + examples + " examples, " + metrics + ")";
  }
}
