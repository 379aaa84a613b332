package dev.backprop.cli;

import dev.backprop.checkpoint.Checkpoints;
import dev.backprop.data.CsvOptions;
import dev.backprop.data.Scaler;
import dev.backprop.data.Task;
import dev.backprop.io.AtomicFiles;
import dev.backprop.nn.Activation;
import dev.backprop.train.MetricNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code backprop train}: trains a multi-layer perceptron on a CSV file, an IDX folder or a
 * built-in data set, and prints how well it does on held-out data. The defaults give a well-trained
 * model on typical tabular data: standardized inputs (and regression targets), Adam, and early
 * stopping on a stratified validation split that restores the best weights.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Trains a neural network (a multi-layer perceptron) and prints how well it does on held-out data.",
            "DATA is a CSV file, a folder of IDX files (MNIST, Fashion-MNIST: train and test parts) or builtin:NAME"
                    + " (xor, spirals, moons, circles, blobs, sine; e.g. builtin:spirals?n=2000&noise=0.1).",
            "Progress goes to standard error; results to standard output."
        })
final class TrainCommand implements Callable<Integer> {

    static final String DEFAULT_DATA = "builtin:spirals";

    @Spec
    private CommandSpec spec;

    @Option(names = "--train", paramLabel = "DATA", defaultValue = DEFAULT_DATA,
            description = "The data to train on (default: ${DEFAULT-VALUE}).")
    private String train;

    @Option(names = "--test", paramLabel = "DATA",
            description = "Data to measure the final model on; never used for training or model selection. "
                    + "An IDX folder brings its own test files.")
    private String test;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Share of the training rows held out (stratified) for early stopping; 0 for none "
                    + "(default: ${DEFAULT-VALUE}).")
    private double validationSplit;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The CSV column to predict, by name or 1-based number (default: the last column).")
    private String target;

    @Option(names = "--task", paramLabel = "TASK",
            description = "classification or regression (default: inferred from the target: text or few "
                    + "whole numbers are classes).")
    private Task task;

    @Option(names = "--hidden", split = ",", paramLabel = "N,N,...", defaultValue = "64,32",
            description = "Hidden layer sizes (default: ${DEFAULT-VALUE}).")
    private List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            converter = OptionValues.ActivationConverter.class,
            completionCandidates = OptionValues.ActivationNames.class,
            description = "Hidden activation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Activation activation;

    @Option(names = "--loss", paramLabel = "NAME", converter = OptionValues.LossConverter.class,
            completionCandidates = OptionValues.LossNames.class,
            description = "${COMPLETION-CANDIDATES} (default: cross-entropy for classification, "
                    + "mse for regression).")
    private String loss;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            converter = OptionValues.OptimizerConverter.class,
            completionCandidates = OptionValues.OptimizerNames.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private String optimizer;

    @Option(names = "--learning-rate", paramLabel = "RATE", defaultValue = "0.001",
            description = "Step size of the optimizer (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "200",
            description = "Most passes over the training rows; early stopping usually ends sooner "
                    + "(default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Rows per gradient step (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of every random choice: weights, split, shuffles (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE", defaultValue = "10",
            description = "Stop after this many epochs without a better validation loss and keep the best "
                    + "weights; 0 to train every epoch (default: ${DEFAULT-VALUE}).")
    private int patience;

    @Option(names = "--reduce-lr", paramLabel = "PATIENCE", defaultValue = "2",
            description = "Halve the learning rate after this many epochs in a row without a better validation loss"
                    + " (on the next one); 0 for a constant rate (default: ${DEFAULT-VALUE}).")
    private int reduceLr;

    @Option(names = "--scale", paramLabel = "METHOD", converter = OptionValues.ScalingConverter.class,
            completionCandidates = OptionValues.ScalingNames.class,
            description = "Input scaling, fitted on the training rows: ${COMPLETION-CANDIDATES} (default: "
                    + "standardize; none for IDX images, whose pixels are already in [0, 1]).")
    private Scaler.Method scaling;

    @Mixin
    private CsvFlags csv;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the trained model here (e.g. model.bpm).")
    private Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "Write an HTML report of the run here.")
    private Path report;

    @Option(names = "--json", description = "Print the results as one JSON object, and nothing else.")
    private boolean json;

    @Mixin
    private SafetyFlags safety;

    /** The checkpoint folder of the run this command resumes, set by {@link #resumeRun()}; null otherwise. */
    private Path resuming;

    @Option(names = "--quiet", description = "Print no progress, and no plan before training; only the results.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (safety.resume() != null && resuming == null) {
            return resumeRun();
        }
        safety.check(spec.commandLine());
        TrainingRun.Settings settings = settings();
        OutputFiles.requireWritable(out, report);
        Path checkpointDir = safety.checkpointDir();
        if (checkpointDir != null && resuming == null) {
            requireNewRun(checkpointDir);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingData data = TrainingData.load(settings.data());
        requireFit(settings, data);
        TrainingRun run = new TrainingRun(settings, data);
        if (!json && !quiet) {
            stdout.print(TrainText.plan(data, run, settings));
            stdout.flush();
        }
        Preflight.print(spec.commandLine().getErr(), run, data, settings.lossFor(data.task()));
        RunControl control = checkpointDir == null ? RunControl.plain() : checkpointed(checkpointDir, data, settings);
        TrainingRun.Result result = run.train(quiet ? null : progress(), control);
        if (control.interrupted()) {
            spec.commandLine().getErr().println("stopped: the checkpoint in " + checkpointDir + " holds the run so far;"
                    + " continue it with: backprop train --resume " + checkpointDir);
            spec.commandLine().getErr().flush();
            return control.exitCode();
        }
        // The page is rendered before anything is written, so that a failure leaves no file behind.
        String page = report == null ? null : TrainReport.render(result);
        if (out != null) {
            ModelFiles.save(result, out);
        }
        if (report != null) {
            AtomicFiles.writeString(report, page);
        }
        stdout.print(json ? JsonOutput.train(result, out) + System.lineSeparator()
                : TrainText.results(result, out, report));
        stdout.flush();
        return 0;
    }

    /** A new run needs a checkpoint folder without checkpoints; records how the run was started in it. */
    private void requireNewRun(Path folder) throws IOException {
        List<Path> existing = Checkpoints.in(folder).files();
        if (!existing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--checkpoint-dir " + folder + " already holds checkpoints"
                    + " of a run (" + existing.get(existing.size() - 1).getFileName() + "); continue it with --resume "
                    + folder + ", or choose an empty folder");
        }
        Files.createDirectories(folder);
        RunFile.current(RunFile.arguments(spec.commandLine().getParseResult())).write(folder);
    }

    private RunControl checkpointed(Path folder, TrainingData data, TrainingRun.Settings settings) {
        PrintWriter err = spec.commandLine().getErr();
        Checkpoints checkpoints = Checkpoints.in(folder).keepLast(safety.keep())
                .withPreprocessing(ModelFiles.preprocessing(data))
                .withProvenance(data.source(), settings.seed())
                .onWarning(message -> {
                    err.println("warning: " + message);
                    err.flush();
                });
        return RunControl.checkpointed(safety.every() == null ? checkpoints : checkpoints.every(safety.every()), err);
    }

    /**
     * {@code --resume DIR}: runs this command again with the options saved in DIR's run file, and those
     * given now that may change (a higher --epochs, the outputs) on top.
     */
    private int resumeRun() throws IOException {
        CommandLine command = spec.commandLine();
        Path folder = safety.resume();
        for (var option : command.getParseResult().matchedOptions()) {
            if (!RunFile.RESUMABLE.contains(option.longestName())) {
                throw new ParameterException(command, "with --resume the run's options come from "
                        + folder.resolve(RunFile.NAME) + "; " + option.longestName() + " cannot be changed"
                        + " (only --epochs and the output options can)");
            }
        }
        RunFile saved = RunFile.read(folder);
        String here = Path.of("").toAbsolutePath().toString();
        if (!saved.workingDirectory().equals(here)) {
            throw new IOException(folder.resolve(RunFile.NAME) + ": the run was started in " + saved.workingDirectory()
                    + "; resume it from there (its file names are relative to that folder)");
        }
        List<String> args = new ArrayList<>(saved.arguments());
        args.addAll(RunFile.arguments(command.getParseResult()));
        // The folder resumed from is the run's folder now, even if it was moved or copied.
        args.addAll(List.of("--checkpoint-dir", folder.toString()));
        TrainCommand resumed = new TrainCommand();
        resumed.resuming = folder;
        CommandLine again = new CommandLine(resumed).setOverwrittenOptionsAllowed(true)
                .setCaseInsensitiveEnumValuesAllowed(true).setOut(command.getOut()).setErr(command.getErr());
        try {
            again.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new IOException(folder.resolve(RunFile.NAME) + ": " + e.getMessage(), e);
        }
        return resumed.call();
    }

    private ProgressPrinter progress() {
        List<String> shown = List.of(MetricNames.ACCURACY, MetricNames.R2);
        return new ProgressPrinter(spec.commandLine().getErr(), System.console() != null, shown, System::nanoTime);
    }

    /** Options that only the loaded data shows to be wrong: a task or loss the target cannot have. */
    private void requireFit(TrainingRun.Settings settings, TrainingData data) {
        CommandLine command = spec.commandLine();
        if (task != null && task != data.task()) {
            throw new ParameterException(command, "invalid value for option '--task': " + lower(task) + " ("
                    + data.source() + " has a " + lower(data.task()) + " target)");
        }
        String lossName = settings.lossFor(data.task());
        boolean crossEntropy = lossName.endsWith("cross-entropy");
        if (data.task() == Task.REGRESSION && crossEntropy) {
            throw new ParameterException(command, "invalid value for option '--loss': " + lossName
                    + " (a cross-entropy needs classes; the target of " + data.source()
                    + " is numeric: use mse, mae or huber)");
        }
        if (lossName.equals("binary-cross-entropy") && data.train().classNames().size() != 2) {
            throw new ParameterException(command, "invalid value for option '--loss': binary-cross-entropy (it needs"
                    + " 2 classes; " + data.source() + " has " + data.train().classNames().size()
                    + "; use cross-entropy)");
        }
    }

    private static String lower(Task task) {
        return task.name().toLowerCase(Locale.ROOT);
    }

    /** The options as settings, checked; anything out of range is a usage error. */
    private TrainingRun.Settings settings() {
        CommandLine command = spec.commandLine();
        OptionValues.atLeast(command, "--epochs", epochs, 1);
        OptionValues.atLeast(command, "--batch-size", batchSize, 1);
        OptionValues.atLeast(command, "--early-stopping", patience, 0);
        OptionValues.atLeast(command, "--reduce-lr", reduceLr, 0);
        OptionValues.positive(command, "--learning-rate", learningRate);
        OptionValues.sizes(command, "--hidden", hidden);
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new ParameterException(command, "invalid value for option '--validation-split': "
                    + validationSplit + " (expected a fraction from 0 up to, not including, 1)");
        }
        if (!TrainingData.isCsv(train) && (target != null || csv.any())) {
            String what = train.startsWith("builtin:") ? "a built-in data set" : "a folder of IDX files";
            throw new ParameterException(command, (target != null ? "--target applies" : "CSV options apply")
                    + " to CSV files; " + train + " is " + what + " with its own target");
        }
        TrainingData.Request data = new TrainingData.Request(train, test, csvOptions(command), validationSplit,
                scaling, seed);
        return new TrainingRun.Settings(data, hidden, activation, loss, optimizer, learningRate, epochs,
                batchSize, seed, patience, reduceLr, safety.onNan());
    }

    private CsvOptions csvOptions(CommandLine command) {
        try {
            CsvOptions options = csv.options();
            options = target == null ? options : options.withTarget(target);
            return task == null ? options : options.withTask(task);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, e.getMessage(), e);
        }
    }
}
