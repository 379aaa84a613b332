package dev.backprop.cli.report;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How the run was configured and how long it took: everything needed to repeat it.
 *
 * @param seed            the seed of every random choice in the run (initial weights, splits,
 *                        shuffling)
 * @param hyperparameters every setting of the run by name, in display order, as the user would
 *                        write it ({@code learning-rate} to {@code 0.001})
 * @param totalSeconds    wall-clock seconds of the whole run, NaN if unknown
 * @param software        what produced the run, for example {@code backprop 0.1.0, Java 17.0.15}
 * @param finishedAt      when the run finished
 */
public record RunInfo(long seed, Map<String, String> hyperparameters, double totalSeconds, String software,
        Instant finishedAt) {

    /** Validates the time and copies the hyperparameters, keeping their order. */
    public RunInfo {
        hyperparameters = OrderedMaps.copy(hyperparameters, "hyperparameters");
        if (totalSeconds < 0) {
            throw new IllegalArgumentException("total time must not be negative, got " + totalSeconds + " s");
        }
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
