package dev.backprop.cli.report;

import java.util.Map;

/**
 * The metrics of one training epoch, as the report's curves and epoch table show them.
 *
 * @param epoch      the epoch number, counting from 1
 * @param training   metric name to value on the training data, in display order (for example
 *                   {@code loss}, {@code accuracy}); NaN or an absent name means not measured
 * @param validation metric name to value on the validation data; empty when there is none
 * @param seconds    wall-clock seconds the epoch took, NaN if unknown
 */
public record EpochRecord(int epoch, Map<String, Double> training, Map<String, Double> validation, double seconds) {

    /** Validates the epoch number and copies the maps, keeping their order. */
    public EpochRecord {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch numbers start at 1, got " + epoch);
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("epoch " + epoch + " took a negative time: " + seconds + " s");
        }
        training = OrderedMaps.copy(training, "training metrics");
        validation = OrderedMaps.copy(validation, "validation metrics");
    }
}
