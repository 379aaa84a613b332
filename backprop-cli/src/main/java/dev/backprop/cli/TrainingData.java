package dev.backprop.cli;

import dev.backprop.data.CsvOptions;
import dev.backprop.data.CsvSchema;
import dev.backprop.data.DataException;
import dev.backprop.data.DataSources;
import dev.backprop.data.Dataset;
import dev.backprop.data.DatasetSplit;
import dev.backprop.data.LoadedData;
import dev.backprop.data.Scaler;
import dev.backprop.data.Splits;
import dev.backprop.data.Task;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The data of one training run, ready to train on: the training rows, the validation rows split
 * off them (stratified, seeded), the test rows if there are any (a {@code --test} source or the
 * test files of an IDX folder), all with the input scaling fitted on the training rows alone, and
 * for regression the target scaling, so that a network always sees inputs and targets of mean 0
 * and standard deviation 1 whatever units the file uses.
 *
 * @param source        the training data as the user named it
 * @param description   the whole training data in one line: source, size, task, classes
 * @param train         the rows to train on, scaled
 * @param validation    the rows held out for early stopping, scaled; empty without a split
 * @param test          the rows to measure the final model on, scaled; empty without test data
 * @param schema        how the training CSV file was read, to read later files the same way
 * @param scaler        the input scaling, fitted on {@code train}
 * @param targetScaler  the regression target scaling, fitted on {@code train}; empty for
 *                      classification
 */
record TrainingData(String source, String description, Dataset train, Optional<Dataset> validation,
        Optional<Dataset> test, Optional<CsvSchema> schema, Scaler scaler, Optional<Scaler> targetScaler) {

    /** What the user asked for: where the data is and how to prepare it. */
    record Request(String train, String test, CsvOptions csv, double validationSplit, Scaler.Method scaling,
            long seed) {
    }

    /**
     * Loads, splits and scales the data of a run.
     *
     * @throws DataException naming the file, line and column of anything malformed, or the test
     *                       data if it does not match the training data
     */
    static TrainingData load(Request request) {
        LoadedData loaded = DataSources.load(request.train(), request.csv());
        Dataset all = loaded.data();
        requireTarget(all);
        Optional<Dataset> test = request.test() == null ? loaded.test()
                : Optional.of(loadTest(request.test(), loaded.schema(), all));
        Dataset train = all;
        Optional<Dataset> validation = Optional.empty();
        if (request.validationSplit() > 0) {
            DatasetSplit split = Splits.trainValidation(all, request.validationSplit(), request.seed());
            train = split.train();
            validation = Optional.of(split.holdout());
        }
        // IDX pixels are already in [0, 1]; standardizing would blow up the rare ink of border pixels.
        Scaler.Method method = request.scaling() != null ? request.scaling()
                : isFolder(request.train()) ? Scaler.Method.NONE : Scaler.Method.STANDARDIZE;
        Scaler scaler = Scaler.fit(method, train);
        Optional<Scaler> targetScaler = train.task().orElseThrow() == Task.REGRESSION
                ? Optional.of(Scaler.fit(Scaler.Method.STANDARDIZE, train.targets(), train.targetNames().size()))
                : Optional.empty();
        return new TrainingData(request.train(), all.describe(), scaler.transform(train),
                validation.map(scaler::transform), test.map(scaler::transform), loaded.schema(), scaler, targetScaler);
    }

    /** The task of the training data. */
    Task task() {
        return train.task().orElseThrow();
    }

    /** The name of what is predicted: the CSV target column, the regression targets, or {@code label}. */
    String targetName() {
        if (schema.isPresent() && schema.get().target().isPresent()) {
            return schema.get().target().get().name();
        }
        return task() == Task.REGRESSION ? String.join(", ", train.targetNames()) : "label";
    }

    /** A short name for titles: {@code spirals}, {@code iris.csv}, {@code fashion-mnist}. */
    String shortName() {
        if (source.startsWith("builtin:")) {
            int query = source.indexOf('?');
            return source.substring("builtin:".length(), query < 0 ? source.length() : query);
        }
        Path name = Path.of(source).toAbsolutePath().normalize().getFileName();
        return name == null ? source : name.toString();
    }

    private static void requireTarget(Dataset data) {
        if (data.task().isEmpty()) {
            throw new DataException(data.name() + ": has no target column to learn");
        }
        if (data.task().get() == Task.CLASSIFICATION && data.classNames().size() < 2) {
            throw new DataException(data.name() + ": the target has a single class ("
                    + String.join(", ", data.classNames()) + "); a classifier needs at least 2");
        }
    }

    /**
     * Test data, read as the training data was: a CSV file with the training file's schema, an
     * IDX folder's test files, or a built-in set, which must have the training data's columns.
     */
    private static Dataset loadTest(String spec, Optional<CsvSchema> schema, Dataset train) {
        LoadedData loaded = schema.isPresent() ? DataSources.load(spec, schema.get())
                : DataSources.load(spec, CsvOptions.defaults());
        Dataset test = loaded.test().orElse(loaded.data());
        DataChecks.requireSameColumns(test, train, "the training data");
        if (test.task().isEmpty()) {
            throw new DataException(spec + ": has no target column; test data needs the true "
                    + (train.task().orElseThrow() == Task.CLASSIFICATION ? "classes" : "values"));
        }
        return test;
    }

    /** Whether a data specification names a CSV file: neither a built-in set nor a folder. */
    static boolean isCsv(String spec) {
        return !spec.startsWith("builtin:") && !isFolder(spec);
    }

    /** Whether a data specification names a folder (IDX files) rather than a file or a built-in set. */
    static boolean isFolder(String spec) {
        if (spec.startsWith("builtin:")) {
            return false;
        }
        try {
            return Files.isDirectory(Path.of(spec));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
