package dev.backprop.cli.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a training report shows. The {@code train} command fills it from the training
 * history; {@link HtmlReport} renders it.
 *
 * @param title        the page title, for example {@code spirals: classification}
 * @param run          seed, hyperparameters, timings and provenance
 * @param data         what the model was trained on
 * @param modelSummary the model's layer table as preformatted text (shown in a monospaced font)
 * @param epochs       one record per epoch, in order; may be empty if training stopped at once
 * @param bestEpoch    early stopping's best epoch, counted from 1 ({@link
 *                     dev.backprop.train.History#bestEpoch()} plus one); empty without early
 *                     stopping, and the report then marks the epoch with the lowest validation
 *                     loss
 * @param evaluation   the final model measured on held-out (or, failing that, training) data
 */
public record ReportData(String title, RunInfo run, DataSummary data, String modelSummary,
        List<EpochMetrics> epochs, OptionalInt bestEpoch, Evaluation evaluation) {

    /** Checks that nothing is missing, that epochs increase and that the best epoch is one of them. */
    public ReportData {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(modelSummary, "modelSummary");
        Objects.requireNonNull(bestEpoch, "bestEpoch");
        Objects.requireNonNull(evaluation, "evaluation");
        epochs = List.copyOf(epochs);
        for (int i = 1; i < epochs.size(); i++) {
            if (epochs.get(i).epoch() <= epochs.get(i - 1).epoch()) {
                throw new IllegalArgumentException("epochs must increase: epoch " + epochs.get(i).epoch()
                        + " follows epoch " + epochs.get(i - 1).epoch());
            }
        }
        if (bestEpoch.isPresent() && epochs.stream().noneMatch(e -> e.epoch() == bestEpoch.getAsInt())) {
            throw new IllegalArgumentException("best epoch " + bestEpoch.getAsInt() + " is not among the "
                    + epochs.size() + " epochs");
        }
    }

    /** The epoch the report highlights, and why; empty if there is none to highlight. */
    Optional<MarkedEpoch> markedEpoch() {
        if (bestEpoch.isPresent()) {
            return Optional.of(new MarkedEpoch(bestEpoch.getAsInt(), "early stopping's best epoch"));
        }
        double lowest = Double.POSITIVE_INFINITY;
        MarkedEpoch marked = null;
        for (EpochMetrics epoch : epochs) {
            double loss = epoch.validation().getOrDefault(CurvesSection.LOSS, Double.NaN);
            if (Double.isFinite(loss) && loss < lowest) {
                lowest = loss;
                marked = new MarkedEpoch(epoch.epoch(), "the lowest validation loss");
            }
        }
        return Optional.ofNullable(marked);
    }

    /** An epoch worth marking on every chart: {@code reason} completes "epoch N, ...". */
    record MarkedEpoch(int epoch, String reason) {
    }
}
