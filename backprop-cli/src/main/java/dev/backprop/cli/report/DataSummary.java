package dev.backprop.cli.report;

import java.util.Map;
import java.util.Objects;

/**
 * What the model was trained on.
 *
 * @param source      where the data came from, as the user named it (a file, a folder,
 *                    {@code builtin:spirals})
 * @param target      the predicted column or quantity
 * @param features    the number of input features after encoding
 * @param rows        row counts per part, in display order (for example {@code training},
 *                    {@code validation}, {@code test})
 * @param classCounts training rows per class label, in class order; empty for regression
 */
public record DataSummary(String source, String target, int features, Map<String, Long> rows,
        Map<String, Long> classCounts) {

    /** Validates counts and copies the maps, keeping their order. */
    public DataSummary {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (features < 0) {
            throw new IllegalArgumentException("feature count must not be negative, got " + features);
        }
        rows = OrderedMaps.copy(rows, "rows");
        classCounts = OrderedMaps.copy(classCounts, "class counts");
        requireNonNegative(rows, "rows in part");
        requireNonNegative(classCounts, "rows of class");
    }

    private static void requireNonNegative(Map<String, Long> counts, String what) {
        counts.forEach((name, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException(what + " '" + name + "' must not be negative, got " + count);
            }
        });
    }
}
