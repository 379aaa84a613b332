package dev.backprop.cli.report;

import java.util.Map;

/**
 * The trained model measured on one data set: a {@link ClassificationResult} (shown as a
 * confusion-matrix heatmap) or a {@link RegressionResult} (shown as predicted against actual).
 */
public sealed interface Evaluation permits ClassificationResult, RegressionResult {

    /**
     * Which data the model was measured on, for example {@code test (10,000 rows)}.
     *
     * @return a short description for headings
     */
    String dataset();

    /**
     * The final metrics by name in display order, for example {@code accuracy}, {@code loss},
     * {@code macro-f1}; or {@code r2}, {@code rmse}, {@code mae}.
     *
     * @return an unmodifiable map
     */
    Map<String, Double> metrics();
}
