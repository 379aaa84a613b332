package dev.backprop.bench;

import dev.backprop.io.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one workload produced: figures (the numbers compared with PyTorch's), errors (figure key
 * or workload name to the reason it has no figure) and details (supporting data: repeats,
 * losses, checks).
 */
record Measurement(Map<String, Object> figures, Map<String, String> errors, Map<String, Object> details) {
  Measurement {
    figures = new LinkedHashMap<>(figures);
    errors = new LinkedHashMap<>(errors);
    details = new LinkedHashMap<>(details);
  }

  /** A workload that produced nothing, for the reason given. */
  static Measurement failed(String workload, String reason) {
    return new Measurement(Map.of(), Map.of(workload, reason), Map.of());
  }

  /** The report bench/README.md specifies: side, parameters, figures, errors, details, environment. */
  String report(RunParameters parameters) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("side", "backprop");
    json.put("parameters", parameters.toJson());
    json.put("figures", figures);
    json.put("errors", errors);
    json.put("details", details);
    json.put("environment", ProcessFacts.environment());
    return Json.writePretty(json) + "\n";
  }
}
