package dev.backprop.train;

import dev.backprop.train.internal.MapReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The record of a training run: one {@link EpochRecord} per epoch, the confusion matrix of the last
 * epoch (on the validation examples if there are any, else on the training examples), and whether
 * early stopping ended the run. Immutable.
 *
 * <pre>{@code
 * History history = trainer.fit(train, validation);
 * double[] curve = history.metric("val_loss");
 * System.out.println(history);            // a table, one line per epoch
 * }</pre>
 */
public final class History {
  private final List<EpochRecord> epochs;
  private final ConfusionMatrix confusion;
  private final boolean stoppedEarly;
  private final int bestEpoch;

  private History(List<EpochRecord> epochs, ConfusionMatrix confusion, boolean stoppedEarly, int bestEpoch) {
    this.epochs = List.copyOf(epochs);
    this.confusion = confusion;
    this.stoppedEarly = stoppedEarly;
    this.bestEpoch = bestEpoch;
  }

  /** A history of no epochs. */
  public static History empty() {
    return new History(List.of(), null, false, -1);
  }

  /** This history with one more epoch, whose confusion matrix (null for regression) becomes the final one. */
  History plus(EpochRecord record, ConfusionMatrix lastConfusion) {
    if (record.epoch() != epochs.size()) {
      throw new IllegalArgumentException(
          "history: epoch " + record.epoch() + " cannot follow " + epochs.size() + " epochs");
    }
    List<EpochRecord> more = new ArrayList<>(epochs);
    more.add(record);
    return new History(more, lastConfusion, stoppedEarly, bestEpoch);
  }

  /** This history with the early-stopping outcome: whether it stopped, and the best epoch (−1: none). */
  History withEarlyStopping(boolean stopped, int best) {
    return new History(epochs, confusion, stopped, best);
  }

  /** The epochs, in order; unmodifiable. */
  public List<EpochRecord> epochs() {
    return epochs;
  }

  /** The number of epochs recorded. */
  public int size() {
    return epochs.size();
  }

  /**
   * The last epoch's record.
   *
   * @throws IllegalStateException if no epoch has been recorded
   */
  public EpochRecord last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("history: no epoch has been recorded");
    }
    return epochs.get(epochs.size() - 1);
  }

  /**
   * One metric's value in every epoch, in order.
   *
   * @throws IllegalArgumentException if an epoch lacks the metric (naming those it has)
   */
  public double[] metric(String name) {
    double[] values = new double[epochs.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = epochs.get(i).metric(name);
    }
    return values;
  }

  /** The last epoch's confusion matrix (validation examples if any); empty for regression. */
  public Optional<ConfusionMatrix> confusionMatrix() {
    return Optional.ofNullable(confusion);
  }

  /** Whether early stopping ended training before the configured number of epochs. */
  public boolean stoppedEarly() {
    return stoppedEarly;
  }

  /** The epoch with the best monitored value under early stopping; empty without early stopping. */
  public OptionalInt bestEpoch() {
    return bestEpoch < 0 ? OptionalInt.empty() : OptionalInt.of(bestEpoch);
  }

  /** This history as nested maps of plain values (JSON's shape); {@link #fromMap} reads it back. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epochs", epochs.stream().map(EpochRecord::toMap).toList());
    m.put("confusion_matrix", confusion == null ? null : confusion.counts());
    m.put("stopped_early", stoppedEarly);
    m.put("best_epoch", bestEpoch);
    return Collections.unmodifiableMap(m);
  }

  /**
   * The history a {@link #toMap()}-shaped map describes.
   *
   * @throws IllegalArgumentException naming the entry that is missing or wrong
   */
  public static History fromMap(Map<String, ?> map) {
    MapReader r = new MapReader(map, "$");
    List<?> list = r.list("epochs");
    List<EpochRecord> records = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      EpochRecord record = EpochRecord.fromMap(new MapReader(list.get(i), r.path("epochs") + "[" + i + "]"));
      if (record.epoch() != i) {
        throw new IllegalArgumentException(r.path("epochs") + "[" + i + "]: epoch is " + record.epoch());
      }
      records.add(record);
    }
    ConfusionMatrix confusion = r.has("confusion_matrix") ? readConfusion(r) : null;
    r.raw("confusion_matrix");
    History h = new History(records, confusion, r.bool("stopped_early"), r.integer("best_epoch", -1, records.size()));
    r.rejectUnread();
    return h;
  }

  private static ConfusionMatrix readConfusion(MapReader r) {
    List<?> rows = r.list("confusion_matrix");
    int[][] counts = new int[rows.size()][];
    for (int i = 0; i < counts.length; i++) {
      if (!(rows.get(i) instanceof List<?> row)) {
        throw r.wrong("confusion_matrix", rows.get(i), "rows of counts");
      }
      counts[i] = new int[row.size()];
      for (int j = 0; j < counts[i].length; j++) {
        if (!(row.get(j) instanceof Long v) || v < 0 || v > Integer.MAX_VALUE) {
          throw r.wrong("confusion_matrix", row.get(j), "a count from 0 to " + Integer.MAX_VALUE);
        }
        counts[i][j] = (int) (long) v;
      }
    }
    return ConfusionMatrix.ofCounts(counts);
  }

  /** A table: one line per epoch with its metrics, learning rate and seconds. */
  @Override
  public String toString() {
    if (epochs.isEmpty()) {
      return "History(no epochs)";
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%5s", "epoch"));
    List<String> names = new ArrayList<>(last().metrics().keySet());
    for (String name : names) {
      sb.append(String.format(Locale.ROOT, " %15s", name));
    }
    sb.append(String.format(Locale.ROOT, " %10s %8s%n", "lr", "seconds"));
    for (EpochRecord e : epochs) {
      sb.append(String.format(Locale.ROOT, "%5d", e.epoch() + 1));
      for (String name : names) {
        Double v = e.metrics().get(name);
        sb.append(v == null ? String.format(Locale.ROOT, " %15s", "-") : String.format(Locale.ROOT, " %15.6f", v));
      }
      sb.append(String.format(Locale.ROOT, " %10.3g %8.2f%n", e.learningRate(), e.seconds()));
    }
    return sb.toString();
  }
}
