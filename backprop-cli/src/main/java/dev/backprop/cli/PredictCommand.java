package dev.backprop.cli;

import dev.backprop.data.Dataset;
import dev.backprop.io.AtomicFiles;
import dev.backprop.model.SavedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backprop predict}: a saved model's predictions for every row of some data, as CSV in
 * input order: the predicted label and each class's probability, or the predicted values.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Predicts every row of DATA with a saved model and writes CSV in input order: the predicted label",
            "and the probability of each class (columns p(LABEL)), or the predicted value of a regression target.",
            "DATA is read as the training data was; its target column may be missing."
        })
final class PredictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A model saved by 'backprop train --out'.")
    private Path model;

    @Option(names = "--data", required = true, paramLabel = "DATA", description = "The rows to predict.")
    private String data;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the CSV here, complete or not at all (default: standard output).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        OutputFiles.requireWritable(out);
        SavedModel saved = SavedModel.load(model);
        Dataset rows = ModelData.load(data, saved, false);
        String csv = PredictionsCsv.of(saved, ExampleSets.features(rows));
        if (out != null) {
            AtomicFiles.writeString(out, csv);
            return 0;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(csv);
        stdout.flush();
        return 0;
    }
}
