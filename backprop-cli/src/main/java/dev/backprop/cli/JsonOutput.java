package dev.backprop.cli;

import dev.backprop.io.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON object that {@code --json} prints: metrics under their names ({@code accuracy},
 * {@code loss}, {@code macro_f1}, {@code confusion_matrix}; or {@code r2}, {@code rmse},
 * {@code mae}), so scripts can read them. JSON has no NaN: a metric that is not a number (a
 * diverged model) is written as {@code null}.
 */
final class JsonOutput {

    private JsonOutput() {
    }

    /** The metrics of a model on some data, as {@code evaluate} reports them. */
    static String metrics(ModelMetrics metrics) {
        return Json.write(withoutNaN(metrics.toJson()));
    }

    /**
     * The final metrics of a training run, plus {@code epochs}, {@code best_epoch} (from 1),
     * {@code seconds} and {@code model} (null when not saved).
     */
    static String train(TrainingRun.Result result, Path model) {
        Map<String, Object> json = withoutNaN(result.metrics().toJson());
        json.put("epochs", result.history().size());
        json.put("best_epoch", result.history().bestEpoch().isPresent()
                ? (Object) (result.history().bestEpoch().getAsInt() + 1) : null);
        json.put("seconds", result.seconds());
        json.put("model", model == null ? null : model.toString());
        return Json.write(json);
    }

    private static Map<String, Object> withoutNaN(Map<String, Object> values) {
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((name, value) -> json.put(name,
                value instanceof Double d && !Double.isFinite(d) ? null : value));
        return json;
    }
}
