package dev.backprop.cli;

import dev.backprop.model.DataIdentity;
import dev.backprop.model.Preprocessing;
import dev.backprop.model.Provenance;
import dev.backprop.model.SavedModel;
import dev.backprop.train.MetricNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Saves the model of a training run with everything {@code evaluate}, {@code predict} and {@code summary} need. */
final class ModelFiles {

    private ModelFiles() {
    }

    /**
     * Writes the trained network, its loss and task, the preprocessing (CSV schema, input and
     * target scaling, feature names, class labels) and the provenance (configuration, seed, data
     * identity, history, and the final metrics of the saved weights on held-out data, e.g.
     * {@code test_accuracy}) to {@code file}, atomically.
     *
     * @throws IOException naming the file if it cannot be written; an old file is then intact
     */
    static void save(TrainingRun.Result result, Path file) throws IOException {
        TrainingData data = result.data();
        Preprocessing preprocessing = preprocessing(data);
        Provenance provenance = Provenance.of(result.trainer(), DataIdentity.of(data.source(), result.examples()),
                result.settings().seed()).withFinalMetrics(finalMetrics(result.metrics()));
        SavedModel.of(result.network(), result.loss(), data.task(), preprocessing, provenance).save(file);
    }

    /** What was done to the data before the network saw it: the CSV schema, scalers, names and labels. */
    static Preprocessing preprocessing(TrainingData data) {
        return Preprocessing.of(data.train(), data.scaler(), data.targetScaler().orElse(null), data.schema().orElse(null));
    }

    /** The held-out metrics under the names of their data: {@code test_accuracy}, {@code val_loss}. */
    static Map<String, Double> finalMetrics(ModelMetrics metrics) {
        String prefix = switch (metrics.part()) {
            case "test" -> "test_";
            case "validation" -> MetricNames.VALIDATION_PREFIX;
            default -> "";
        };
        Map<String, Double> named = new LinkedHashMap<>();
        metrics.values().forEach((name, value) -> named.put(prefix + name, value));
        return named;
    }
}
