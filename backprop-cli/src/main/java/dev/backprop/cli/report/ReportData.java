package dev.backprop.cli.report;

import java.util.List;
import java.util.Objects;

/**
 * Everything a training report shows. The {@code train} command fills it from the training
 * history; {@link HtmlReport} renders it.
 *
 * @param title        the page title, for example {@code spirals: classification}
 * @param run          seed, hyperparameters, timings and provenance
 * @param data         what the model was trained on
 * @param modelSummary the model's layer table as preformatted text (shown in a monospaced font)
 * @param epochs       one record per epoch, in order; may be empty if training stopped at once
 * @param evaluation   the final model measured on held-out (or, failing that, training) data
 */
public record ReportData(String title, RunInfo run, DataSummary data, String modelSummary,
        List<EpochRecord> epochs, Evaluation evaluation) {

    /** Checks that nothing is missing and that epochs are in increasing order. */
    public ReportData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(modelSummary, "modelSummary");
        Objects.requireNonNull(evaluation, "evaluation");
        epochs = List.copyOf(epochs);
        for (int i = 1; i < epochs.size(); i++) {
            if (epochs.get(i).epoch() <= epochs.get(i - 1).epoch()) {
                throw new IllegalArgumentException("epochs must increase: epoch " + epochs.get(i).epoch()
                        + " follows epoch " + epochs.get(i - 1).epoch());
            }
        }
    }
}
