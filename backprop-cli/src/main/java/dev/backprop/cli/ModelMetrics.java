package dev.backprop.cli;

import dev.backprop.data.Dataset;
import dev.backprop.data.Scaler;
import dev.backprop.data.Task;
import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.ConfusionMatrix;
import dev.backprop.train.Evaluation;
import dev.backprop.train.MetricNames;
import dev.backprop.train.Predictor;
import dev.backprop.train.RegressionMetrics;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained model measured on labelled data, as {@code train} and {@code evaluate} print it:
 * for classification the accuracy, the mean loss, the macro F1 and the confusion matrix; for
 * regression R², RMSE and MAE in the target's own units.
 *
 * @param part      which data, e.g. {@code test} or {@code validation}
 * @param rows      the number of rows measured
 * @param values    the metrics by name ({@link MetricNames}), in display order
 * @param classes   the class labels in the matrix's order; empty for regression
 * @param confusion counts of (true class, predicted class); null for regression
 * @param actual    the regression targets, row-major; empty for classification
 * @param predicted the regression predictions in the targets' units; empty for classification
 */
record ModelMetrics(String part, int rows, Map<String, Double> values, List<String> classes,
        ConfusionMatrix confusion, float[] actual, float[] predicted) {

    /**
     * Measures {@code network} on {@code data}, whose features are already scaled.
     *
     * @param targetScaler for regression, the scaling the network's outputs are in
     */
    static ModelMetrics measure(String part, Module network, Loss loss, Dataset data,
            Optional<Scaler> targetScaler) {
        if (data.task().orElseThrow() == Task.CLASSIFICATION) {
            return classification(part, network, loss, data);
        }
        Tensor outputs = Predictor.of(network, loss).predict(ExampleSets.features(data));
        float[] predicted = outputs.toFloatArray();
        if (targetScaler.isPresent()) {
            predicted = targetScaler.get().inverse(predicted);
        }
        float[] actual = data.targets();
        RegressionMetrics metrics = RegressionMetrics.of(predicted, actual, data.targetNames().size());
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(MetricNames.R2, metrics.r2());
        values.put(MetricNames.RMSE, metrics.rmse());
        values.put(MetricNames.MAE, metrics.mae());
        return new ModelMetrics(part, data.size(), values, List.of(), null, actual, predicted);
    }

    /** The loss and the confusion matrix exactly as training computes them for validation data. */
    private static ModelMetrics classification(String part, Module network, Loss loss, Dataset data) {
        Trainer evaluator = new Trainer(network, loss, TrainingConfig.of(1, 1, 0));
        Evaluation evaluation = evaluator.evaluate(ExampleSets.examples(data, Optional.empty()));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(MetricNames.ACCURACY, evaluation.metric(MetricNames.ACCURACY));
        values.put(MetricNames.LOSS, evaluation.metric(MetricNames.LOSS));
        values.put(MetricNames.MACRO_F1, evaluation.metric(MetricNames.MACRO_F1));
        return new ModelMetrics(part, data.size(), values, data.classNames(),
                evaluation.confusionMatrix().orElseThrow(), new float[0], new float[0]);
    }

    /** Whether these are classification metrics. */
    boolean isClassification() {
        return confusion != null;
    }

    /**
     * The metrics as JSON members: each metric by name, and for classification
     * {@code confusion_matrix} (rows: true class) and {@code classes}.
     */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>(values);
        if (isClassification()) {
            json.put("confusion_matrix", confusion.counts());
            json.put("classes", classes);
        }
        json.put("data", part);
        json.put("rows", rows);
        return json;
    }
}
