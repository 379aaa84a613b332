package dev.backprop.cli.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A classifier measured on one data set.
 *
 * @param dataset   which data, for example {@code test (10,000 rows)}
 * @param metrics   final metrics by name, in display order
 * @param classes   the class labels, in the order of the matrix rows and columns
 * @param confusion {@code confusion[actual][predicted]}: how many rows of class {@code actual}
 *                  the model assigned to class {@code predicted}; square, one row per class
 */
public record ClassificationResult(String dataset, Map<String, Double> metrics, List<String> classes,
        int[][] confusion) implements Evaluation {

    /** Validates the matrix against the labels and copies everything. */
    public ClassificationResult {
        Objects.requireNonNull(dataset, "dataset");
        metrics = OrderedMaps.copy(metrics, "metrics");
        classes = List.copyOf(classes);
        confusion = copyOf(confusion);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a classification needs at least one class");
        }
        if (confusion.length != classes.size()) {
            throw new IllegalArgumentException("confusion matrix has " + confusion.length + " rows for "
                    + classes.size() + " classes");
        }
        for (int actual = 0; actual < confusion.length; actual++) {
            requireValidRow(confusion[actual], actual, classes.size());
        }
    }

    /**
     * The confusion matrix, {@code [actual][predicted]}.
     *
     * @return a copy; changing it does not change this result
     */
    @Override
    public int[][] confusion() {
        return copyOf(confusion);
    }

    /** How many rows of class {@code actual} were predicted as class {@code predicted}. */
    int count(int actual, int predicted) {
        return confusion[actual][predicted];
    }

    private static void requireValidRow(int[] row, int actual, int classes) {
        if (row.length != classes) {
            throw new IllegalArgumentException("confusion matrix row " + actual + " has " + row.length
                    + " columns for " + classes + " classes");
        }
        for (int predicted = 0; predicted < row.length; predicted++) {
            if (row[predicted] < 0) {
                throw new IllegalArgumentException("confusion matrix count [" + actual + "][" + predicted
                        + "] is negative: " + row[predicted]);
            }
        }
    }

    private static int[][] copyOf(int[][] matrix) {
        int[][] copy = new int[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
