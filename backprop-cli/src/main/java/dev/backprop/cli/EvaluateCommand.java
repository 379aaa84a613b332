package dev.backprop.cli;

import dev.backprop.data.Dataset;
import dev.backprop.model.SavedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backprop evaluate}: measures a saved model on labelled data, read and scaled as its
 * training data was. Classification: accuracy, mean loss, macro F1 and the confusion matrix;
 * regression: R², RMSE and MAE in the target's units.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Measures a saved model on labelled data: accuracy, loss, macro F1 and the confusion matrix for a",
            "classifier; R², RMSE and MAE for a regression model. DATA is read as the training data was",
            "(a CSV file by the training file's columns; an IDX folder gives its test files; builtin:NAME)."
        })
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A model saved by 'backprop train --out'.")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "DATA",
            description = "Labelled data to measure the model on.")
    private String data;

    @Option(names = "--json", description = "Print the metrics as one JSON object, and nothing else.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        SavedModel saved = SavedModel.load(model);
        Dataset raw = ModelData.load(data, saved, true);
        Dataset scaled = saved.preprocessing().featureScaler() == null ? raw
                : saved.preprocessing().featureScaler().transform(raw);
        ModelMetrics metrics = ModelMetrics.measure(raw.name(), saved.network(), saved.loss(), scaled,
                Optional.ofNullable(saved.preprocessing().targetScaler()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? JsonOutput.metrics(metrics) + System.lineSeparator() : MetricsText.render(metrics));
        out.flush();
        return 0;
    }
}
