package dev.backprop.cli;

import dev.backprop.data.DataException;
import dev.backprop.data.Dataset;
import java.util.List;

/** Checks that data given to a trained model has the columns and classes the model was trained on. */
final class DataChecks {

    private static final int LISTED = 8;

    private DataChecks() {
    }

    /**
     * Requires {@code data} to have the features of {@code reference}, by name and in order, and,
     * when both carry a target, the same task and classes.
     *
     * @param what how to name the reference in the message, e.g. {@code the training data}
     * @throws DataException naming the data and the first difference
     */
    static void requireSameColumns(Dataset data, Dataset reference, String what) {
        requireFeatures(data, reference.featureNames(), what);
        if (data.task().isEmpty() || reference.task().isEmpty()) {
            return;
        }
        if (data.task().get() != reference.task().get()) {
            throw new DataException(data.name() + ": a " + lower(data.task().get()) + " target, but "
                    + what + " has a " + lower(reference.task().get()) + " target");
        }
        if (!data.classNames().equals(reference.classNames())) {
            throw new DataException(data.name() + ": classes " + listed(data.classNames()) + " differ from "
                    + what + "'s classes " + listed(reference.classNames()));
        }
    }

    /**
     * Requires {@code data} to have exactly the given features, by name and in order.
     *
     * @throws DataException naming the data and the first difference
     */
    static void requireFeatures(Dataset data, List<String> features, String what) {
        List<String> actual = data.featureNames();
        if (actual.equals(features)) {
            return;
        }
        if (actual.size() != features.size()) {
            throw new DataException(data.name() + ": " + features(actual.size()) + " " + listed(actual)
                    + ", but " + what + " has " + features.size() + " " + listed(features));
        }
        int i = 0;
        while (actual.get(i).equals(features.get(i))) {
            i++;
        }
        throw new DataException(data.name() + ": feature " + (i + 1) + " is '" + actual.get(i) + "', but in "
                + what + " it is '" + features.get(i) + "'");
    }

    private static String features(int count) {
        return count == 1 ? "1 feature" : count + " features";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String listed(List<String> names) {
        List<String> shown = names.subList(0, Math.min(LISTED, names.size()));
        return "[" + String.join(", ", shown) + (names.size() > LISTED ? ", …" : "") + "]";
    }
}
