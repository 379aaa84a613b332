package dev.backprop.cli.report;

import dev.backprop.train.ConfusionMatrix;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A classifier measured on one data set.
 *
 * @param dataset   which data, for example {@code test (10,000 rows)}
 * @param metrics   final metrics by name, in display order
 * @param classes   the class labels, in the order of the matrix rows and columns
 * @param confusion the counts of (actual class, predicted class) pairs, one row and column per
 *                  class, and the per-class precision, recall and F1 derived from them
 */
public record ClassificationResult(String dataset, Map<String, Double> metrics, List<String> classes,
        ConfusionMatrix confusion) implements Evaluation {

    /** Checks that the matrix has one row per class and copies the rest. */
    public ClassificationResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(confusion, "confusion");
        metrics = OrderedMaps.copy(metrics, "metrics");
        classes = List.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a classification needs at least one class");
        }
        if (confusion.classes() != classes.size()) {
            throw new IllegalArgumentException("confusion matrix has " + confusion.classes() + " classes but "
                    + classes.size() + " class labels were given");
        }
    }
}
