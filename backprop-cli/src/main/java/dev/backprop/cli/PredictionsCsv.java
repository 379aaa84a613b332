package dev.backprop.cli;

import dev.backprop.data.Task;
import dev.backprop.model.SavedModel;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's predictions as CSV (RFC 4180), one record per input row in input order. A classifier
 * writes the predicted label, then the probability of each class in columns {@code p(LABEL)}; a
 * regression model writes the predicted value of each target in the target's units.
 */
final class PredictionsCsv {

    private static final String NL = "\n";

    private PredictionsCsv() {
    }

    /** The predictions of {@code model} for raw (unscaled) feature rows. */
    static String of(SavedModel model, Tensor features) {
        StringBuilder csv = new StringBuilder();
        Tensor outputs = model.predict(features);
        int rows = outputs.size(0);
        float[] values = outputs.toFloatArray();
        if (model.task() == Task.REGRESSION) {
            csv.append(header(model.preprocessing().targetNames().isEmpty()
                    ? List.of(ModelData.targetName(model)) : model.preprocessing().targetNames()));
            int width = outputs.size(1);
            for (int i = 0; i < rows; i++) {
                List<String> record = new ArrayList<>();
                for (int j = 0; j < width; j++) {
                    record.add(Float.toString(values[i * width + j]));
                }
                csv.append(String.join(",", record)).append(NL);
            }
            return csv.toString();
        }
        List<String> classes = model.preprocessing().classLabels();
        List<String> header = new ArrayList<>(List.of(ModelData.targetName(model)));
        classes.forEach(label -> header.add("p(" + label + ")"));
        csv.append(header(header));
        List<String> labels = model.predictLabels(features);
        for (int i = 0; i < rows; i++) {
            List<String> record = new ArrayList<>(List.of(field(labels.get(i))));
            for (int k = 0; k < classes.size(); k++) {
                record.add(Float.toString(probability(values, outputs.size(1), i, k)));
            }
            csv.append(String.join(",", record)).append(NL);
        }
        return csv.toString();
    }

    /** Class k's probability in row i; a single sigmoid output is the probability of class 1. */
    private static float probability(float[] values, int outputs, int i, int k) {
        if (outputs == 1) {
            return k == 1 ? values[i] : 1 - values[i];
        }
        return values[i * outputs + k];
    }

    private static String header(List<String> names) {
        return String.join(",", names.stream().map(PredictionsCsv::field).toList()) + NL;
    }

    /**
     * A field quoted when it must be: it holds a comma, a quote or a line break, or starts or ends
     * with a space (which readers, ours included, would trim); quotes inside are doubled.
     */
    static String field(String value) {
        boolean quote = !value.isEmpty() && (value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                || Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1)));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
