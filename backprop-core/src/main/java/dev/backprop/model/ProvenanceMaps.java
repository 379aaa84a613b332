package dev.backprop.model;

import dev.backprop.train.History;
import dev.backprop.train.TrainingConfig;
import dev.backprop.train.internal.MapReader;
import dev.backprop.train.internal.NonFiniteNumbers;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Translates {@link Provenance} to and from nested maps of plain values. */
final class ProvenanceMaps {
  private ProvenanceMaps() {}

  static Map<String, Object> write(Provenance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("library_version", p.libraryVersion());
    m.put("created", p.created().toString());
    m.put("init_seed", p.initSeed());
    m.put("training", p.training() == null ? null : p.training().toMap());
    DataIdentity d = p.data();
    m.put("data", d == null ? null : ordered("name", d.name(), "rows", d.rows(), "features", d.features(),
        "sha256", d.sha256()));
    Map<String, Object> metrics = new LinkedHashMap<>();
    p.finalMetrics().forEach((k, v) -> metrics.put(k, NonFiniteNumbers.write(v)));
    m.put("final_metrics", metrics);
    m.put("history", p.history().toMap());
    return m;
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static Provenance read(Map<String, ?> map) {
    MapReader r = new MapReader(map, "$");
    String version = r.string("library_version");
    Instant created = instant(r);
    Long seed = r.has("init_seed") ? r.longInteger("init_seed") : null;
    r.raw("init_seed");
    TrainingConfig training = r.has("training") ? nested("training", r, () -> TrainingConfig.fromMap(entries(r, "training"))) : null;
    r.raw("training");
    DataIdentity data = r.has("data") ? readData(r.object("data")) : null;
    r.raw("data");
    MapReader metrics = r.object("final_metrics");
    Map<String, Double> values = new LinkedHashMap<>();
    for (String name : metrics.entries().keySet()) {
      values.put(name, metrics.number(name));
    }
    History history = nested("history", r, () -> History.fromMap(entries(r, "history")));
    r.rejectUnread();
    return new Provenance(training, seed, data, version, values, history, created);
  }

  private static Instant instant(MapReader r) {
    String text = r.string("created");
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw r.wrong("created", text, "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }

  private static Map<String, ?> entries(MapReader r, String key) {
    return r.object(key).entries();
  }

  /** Reads a nested record with its own reader, prefixing its errors' "$" with the path to it. */
  static <T> T nested(String key, MapReader r, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      throw new IllegalArgumentException(
          message.startsWith("$") ? r.path(key) + message.substring(1) : r.path(key) + ": " + message, e);
    }
  }

  private static DataIdentity readData(MapReader r) {
    DataIdentity d = new DataIdentity(r.string("name"), r.integer("rows"), r.integer("features"), r.string("sha256"));
    r.rejectUnread();
    return d;
  }
}
