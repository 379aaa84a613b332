package dev.backprop.cli;

import dev.backprop.data.Dataset;
import dev.backprop.data.Task;
import dev.backprop.nn.Activation;
import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.Optimizers;
import dev.backprop.optim.ReduceLROnPlateau;
import dev.backprop.train.EarlyStopping;
import dev.backprop.train.Examples;
import dev.backprop.train.History;
import dev.backprop.train.MetricNames;
import dev.backprop.train.NonFinitePolicy;
import dev.backprop.train.ReduceOnPlateau;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingConfig;
import dev.backprop.train.TrainingListener;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One training run of {@code backprop train}: builds the network and the trainer from the
 * settings, trains on prepared data and measures the final model on held-out data.
 */
final class TrainingRun {

    /**
     * Every choice of a run, as the options gave them; the loss is null where the data decides (the
     * task goes into {@code data}'s CSV options).
     */
    record Settings(TrainingData.Request data, List<Integer> hidden, Activation activation,
            String loss, String optimizer, double learningRate, int epochs, int batchSize, long seed,
            int patience, int reduceLr, NonFinitePolicy onNan) {

        /** The loss name: as given, or cross-entropy for classification and mse for regression. */
        String lossFor(Task actual) {
            return loss != null ? loss : actual == Task.CLASSIFICATION ? "cross-entropy" : "mse";
        }
    }

    /**
     * What a run produced.
     *
     * @param settings   the run's settings
     * @param data       the data it trained on
     * @param trainer    the trainer, holding the trained network (the best epoch's weights under
     *                   early stopping), the loss, the configuration and the history
     * @param examples   the training examples, as the network saw them
     * @param metrics    the final model measured on test, else validation, else training data
     * @param seconds    wall-clock seconds of training and the final measurement
     * @param finishedAt when the run ended
     */
    record Result(Settings settings, TrainingData data, Trainer trainer, Examples examples, ModelMetrics metrics,
            double seconds, Instant finishedAt) {

        Module network() {
            return trainer.network();
        }

        Loss loss() {
            return trainer.loss();
        }

        TrainingConfig config() {
            return trainer.config();
        }

        History history() {
            return trainer.history();
        }

        /**
         * Every setting of the run but the seed (which reports show first, on its own) by its option
         * name, as a user would write it, in help order.
         */
        Map<String, String> hyperparameters() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("task", data.task().name().toLowerCase(Locale.ROOT));
            values.put("target", data.targetName());
            values.put("hidden", OptionValues.join(settings.hidden()));
            values.put("activation", settings.activation().label());
            values.put("loss", loss().name());
            values.put("optimizer", settings.optimizer());
            values.put("learning-rate", String.valueOf(settings.learningRate()));
            values.put("epochs", String.valueOf(settings.epochs()));
            values.put("batch-size", String.valueOf(settings.batchSize()));
            EarlyStopping stopping = config().earlyStopping();
            values.put("early-stopping", stopping == null ? "off"
                    : stopping.patience() + " (" + stopping.monitor() + ", restore best)");
            ReduceOnPlateau plateau = config().plateau();
            values.put("reduce-lr", plateau == null ? "off" : plateau.settings().patience() + " (" + plateau.monitor()
                    + ", factor " + plateau.settings().factor() + ")");
            values.put("validation-split", String.valueOf(settings.data().validationSplit()));
            values.put("scale", OptionValues.label(data.scaler().method()));
            return values;
        }
    }

    private final Settings settings;
    private final TrainingData data;

    TrainingRun(Settings settings, TrainingData data) {
        this.settings = settings;
        this.data = data;
    }

    /** The number of network outputs: one per class (one for two classes under binary cross-entropy), or per target. */
    int outputs() {
        if (data.task() == Task.REGRESSION) {
            return data.train().targetNames().size();
        }
        boolean binary = settings.lossFor(data.task()).equals("binary-cross-entropy");
        return binary ? 1 : data.train().classNames().size();
    }

    /** Input, hidden and output sizes, e.g. {@code [2, 64, 32, 2]}. */
    int[] sizes() {
        return IntStream.concat(IntStream.concat(IntStream.of(data.train().featureCount()),
                settings.hidden().stream().mapToInt(Integer::intValue)), IntStream.of(outputs())).toArray();
    }

    /**
     * The trainer's configuration: optimizer, batches, seed, the learning rate halved on plateaus of the
     * validation loss, and early stopping on it.
     */
    TrainingConfig config() {
        // The split is made here (stratified, by dev.backprop.data); the configuration records its share.
        TrainingConfig config = TrainingConfig.of(settings.epochs(), settings.batchSize(), settings.seed())
                .withValidationSplit(settings.data().validationSplit())
                .withOptimizer(Optimizers.spec(settings.optimizer(), Map.of("lr", settings.learningRate())))
                .withOnNonFinite(settings.onNan());
        String monitor = data.validation().isPresent() ? MetricNames.validation(MetricNames.LOSS) : MetricNames.LOSS;
        if (settings.reduceLr() > 0) {
            config = config.withPlateau(new ReduceOnPlateau(monitor,
                    new ReduceLROnPlateau.Spec().withFactor(0.5).withPatience(settings.reduceLr())));
        }
        if (settings.patience() > 0) {
            config = config.withEarlyStopping(EarlyStopping.on(monitor).withPatience(settings.patience()));
        }
        return config;
    }

    /**
     * Trains and measures the model.
     *
     * @param progress receives the trainer's events; null for none
     * @param control  plain, or with checkpoints
     * @throws IOException if a checkpoint cannot be read or written
     */
    Result train(TrainingListener progress, RunControl control) throws IOException {
        long start = System.nanoTime();
        Sequential network = Sequential.mlp(sizes()).activation(settings.activation()).build(settings.seed());
        Loss loss = Loss.byName(settings.lossFor(data.task()));
        TrainingConfig config = config();
        Trainer trainer = new Trainer(network, loss, config);
        if (progress != null) {
            trainer.addListener(progress);
        }
        Examples examples = ExampleSets.examples(data.train(), data.targetScaler());
        control.fit(trainer, examples, data.validation().map(v -> ExampleSets.examples(v, data.targetScaler())).orElse(null));
        ModelMetrics metrics = measure(network, loss);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(settings, data, trainer, examples, metrics, seconds, Instant.now());
    }

    private ModelMetrics measure(Module network, Loss loss) {
        Optional<Dataset> heldOut = data.test().or(data::validation);
        String part = data.test().isPresent() ? "test" : data.validation().isPresent() ? "validation" : "training";
        return ModelMetrics.measure(part, network, loss, heldOut.orElse(data.train()), data.targetScaler());
    }
}
