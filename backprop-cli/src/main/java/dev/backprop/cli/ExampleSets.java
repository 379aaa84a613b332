package dev.backprop.cli;

import dev.backprop.data.Dataset;
import dev.backprop.data.Scaler;
import dev.backprop.data.Task;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.Examples;
import java.util.Optional;

/** Turns the data package's row tables into the tensors training and prediction take. */
final class ExampleSets {

    private ExampleSets() {
    }

    /** The features as a [rows, features] float32 matrix. */
    static Tensor features(Dataset data) {
        return Tensor.of(data.features(), data.size(), data.featureCount());
    }

    /**
     * Labelled examples: class indices for classification; for regression the targets, scaled
     * with {@code targetScaler} when there is one.
     */
    static Examples examples(Dataset data, Optional<Scaler> targetScaler) {
        if (data.task().orElseThrow() == Task.CLASSIFICATION) {
            return Examples.classification(features(data), data.labels(), data.classNames().size());
        }
        float[] targets = data.targets();
        if (targetScaler.isPresent()) {
            targets = targetScaler.get().transform(targets);
        }
        return Examples.regression(features(data), Tensor.of(targets, data.size(), data.targetNames().size()));
    }
}
