package dev.backprop.model;

import dev.backprop.train.History;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingConfig;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a model came from: how it was trained, from what, by which version of backprop, how well it
 * did and when. Parts not known are null or empty.
 *
 * <pre>{@code
 * Provenance p = Provenance.of(trainer, DataIdentity.of("fashion-mnist", train), 42)
 *     .withFinalMetrics(Map.of("test_accuracy", 0.891));
 * }</pre>
 *
 * @param training every hyperparameter of the run, or null if the network was not trained by a
 *     {@link Trainer}
 * @param initSeed the seed the network's initial weights were drawn with, or null if not known
 * @param data the training data's identity, or null
 * @param libraryVersion the version of backprop that trained the model
 * @param finalMetrics the metrics at the end of training (the last epoch's, and any test metrics
 *     added); unmodifiable
 * @param history the per-epoch record of the run (empty if not trained by a Trainer)
 * @param created when the provenance was taken
 */
public record Provenance(TrainingConfig training, Long initSeed, DataIdentity data, String libraryVersion,
    Map<String, Double> finalMetrics, History history, Instant created) {

  /** Checks the required parts and copies the metrics. */
  public Provenance {
    Objects.requireNonNull(libraryVersion, "libraryVersion");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(created, "created");
    finalMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(finalMetrics));
  }

  /**
   * The provenance of a trainer's run: its configuration and history, the last epoch's metrics,
   * this library's version and the current time.
   */
  public static Provenance of(Trainer trainer, DataIdentity data, long initSeed) {
    History history = trainer.history();
    Map<String, Double> last = history.size() == 0 ? Map.of() : history.last().metrics();
    return new Provenance(trainer.config(), initSeed, data, LibraryVersion.get(), last, history, Instant.now());
  }

  /** The provenance of a network not trained here: only the library version and the time. */
  public static Provenance untrained() {
    return new Provenance(null, null, null, LibraryVersion.get(), Map.of(), History.empty(), Instant.now());
  }

  /** The same with more final metrics (e.g. {@code test_accuracy}); a metric already present is replaced. */
  public Provenance withFinalMetrics(Map<String, Double> metrics) {
    Map<String, Double> all = new LinkedHashMap<>(finalMetrics);
    all.putAll(metrics);
    return new Provenance(training, initSeed, data, libraryVersion, all, history, created);
  }

  /** This provenance as nested maps of plain values (see docs/model-format.md). */
  public Map<String, Object> toMap() {
    return ProvenanceMaps.write(this);
  }

  /**
   * The provenance a {@link #toMap()}-shaped map describes.
   *
   * @throws IllegalArgumentException naming the entry that is missing or wrong
   */
  public static Provenance fromMap(Map<String, ?> map) {
    return ProvenanceMaps.read(map);
  }
}
