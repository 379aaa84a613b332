package dev.backprop.cli;

import dev.backprop.train.EarlyStopping;
import dev.backprop.train.EpochRecord;
import dev.backprop.train.History;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code backprop train} prints for people: the plan before training, the results after. */
final class TrainText {

    private static final String NL = System.lineSeparator();

    private TrainText() {
    }

    /** The data, its split and the network about to be trained. */
    static String plan(TrainingData data, TrainingRun run, TrainingRun.Settings settings) {
        StringBuilder text = new StringBuilder("Data: ").append(data.description()).append(NL);
        text.append(String.format(Locale.ROOT, "      %,d training rows, %s, %s%n", data.train().size(),
                data.validation().map(v -> String.format(Locale.ROOT, "%,d validation rows", v.size()))
                        .orElse("no validation rows"),
                data.test().map(t -> String.format(Locale.ROOT, "%,d test rows", t.size())).orElse("no test data")));
        String sizes = Arrays.stream(run.sizes()).mapToObj(String::valueOf).collect(Collectors.joining(" → "));
        text.append("Network: ").append(sizes).append(" (").append(settings.activation().label())
                .append("), loss ").append(settings.lossFor(data.task()))
                .append(String.format(Locale.ROOT, "; %s, learning rate %s, batch size %d, seed %d%n",
                        settings.optimizer(), settings.learningRate(), settings.batchSize(), settings.seed()));
        return text.toString();
    }

    /** How training went, the held-out metrics, and where the model and report went. */
    static String results(TrainingRun.Result result, Path model, Path report) {
        StringBuilder text = new StringBuilder(training(result)).append(NL);
        text.append(MetricsText.render(result.metrics()));
        text.append(model != null ? "Saved the model to " + model + NL
                : "The model was not saved; give --out FILE to keep it." + NL);
        if (report != null) {
            text.append("Wrote the report to ").append(report).append(NL);
        }
        return text.toString();
    }

    /**
     * For example {@code Trained 125 epochs in 3.9 s (early stopping: no better val_loss in 10
     * epochs); kept the weights of epoch 115 (val_loss 0.0470).}
     */
    static String training(TrainingRun.Result result) {
        History history = result.history();
        String epochs = history.size() == 1 ? "1 epoch" : history.size() + " epochs";
        String text = String.format(Locale.ROOT, "Trained %s in %s", epochs, seconds(result.seconds()));
        EarlyStopping stopping = result.config().earlyStopping();
        if (stopping == null || history.bestEpoch().isEmpty()) {
            return text + ".";
        }
        String monitor = stopping.monitor();
        if (history.stoppedEarly()) {
            text += String.format(Locale.ROOT, " (early stopping: no better %s in %d epochs)", monitor,
                    stopping.patience());
        }
        EpochRecord best = history.epochs().get(history.bestEpoch().getAsInt());
        return text + String.format(Locale.ROOT, "; kept the weights of epoch %d (%s %s).", best.epoch() + 1, monitor,
                MetricsText.number(best.metric(monitor)));
    }

    /** Seconds to one decimal below a minute, else minutes and seconds. */
    static String seconds(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
