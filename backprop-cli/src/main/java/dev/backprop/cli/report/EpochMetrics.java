package dev.backprop.cli.report;

import dev.backprop.train.History;
import dev.backprop.train.MetricNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one training epoch, as the report's curves and epoch table show them.
 *
 * @param epoch      the epoch number, counting from 1 as people do
 * @param training   metric name to value on the training data, in display order (for example
 *                   {@code loss}, {@code accuracy}); NaN or an absent name means not measured
 * @param validation metric name to value on the validation data, same names; empty when there is
 *                   no validation data
 * @param seconds    wall-clock seconds the epoch took, NaN if unknown
 */
public record EpochMetrics(int epoch, Map<String, Double> training, Map<String, Double> validation, double seconds) {

    /** Validates the epoch number and time, and copies the maps, keeping their order. */
    public EpochMetrics {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch numbers start at 1, got " + epoch);
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("epoch " + epoch + " took a negative time: " + seconds + " s");
        }
        training = OrderedMaps.copy(training, "training metrics");
        validation = OrderedMaps.copy(validation, "validation metrics");
    }

    /**
     * The epochs of a training run: each {@link dev.backprop.train.EpochRecord}'s metrics split
     * into training ones and validation ones (those named {@code val_NAME} become {@code NAME}), and
     * its epoch counted from 1 instead of 0.
     *
     * @param history the run's history
     * @return one record per epoch, in order
     */
    public static List<EpochMetrics> fromHistory(History history) {
        return history.epochs().stream().map(record -> {
            Map<String, Double> training = new LinkedHashMap<>();
            Map<String, Double> validation = new LinkedHashMap<>();
            record.metrics().forEach((name, value) -> {
                if (name.startsWith(MetricNames.VALIDATION_PREFIX)) {
                    validation.put(name.substring(MetricNames.VALIDATION_PREFIX.length()), value);
                } else {
                    training.put(name, value);
                }
            });
            return new EpochMetrics(record.epoch() + 1, training, validation, record.seconds());
        }).toList();
    }
}
