package dev.backprop.cli.report;

import java.util.Map;
import java.util.Objects;

/**
 * A regression model measured on one data set: the target and the prediction for each row.
 * Non-finite values (a diverged model predicts NaN) are allowed; the report leaves them out of
 * the plot and says how many there were.
 *
 * @param dataset   which data, for example {@code test (2,000 rows)}
 * @param metrics   final metrics by name, in display order
 * @param actual    the true target of each row
 * @param predicted the model's prediction for each row, same length as {@code actual}
 */
public record RegressionResult(String dataset, Map<String, Double> metrics, double[] actual, double[] predicted)
        implements Evaluation {

    /** Validates the lengths and copies the arrays. */
    public RegressionResult {
        Objects.requireNonNull(dataset, "dataset");
        metrics = OrderedMaps.copy(metrics, "metrics");
        actual = actual.clone();
        predicted = predicted.clone();
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual values but " + predicted.length
                    + " predictions");
        }
    }

    /**
     * The true targets.
     *
     * @return a copy
     */
    @Override
    public double[] actual() {
        return actual.clone();
    }

    /**
     * The predictions.
     *
     * @return a copy
     */
    @Override
    public double[] predicted() {
        return predicted.clone();
    }

    /** The number of rows. */
    int size() {
        return actual.length;
    }

    double actualAt(int row) {
        return actual[row];
    }

    double predictedAt(int row) {
        return predicted[row];
    }
}
