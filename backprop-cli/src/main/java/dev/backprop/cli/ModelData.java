package dev.backprop.cli;

import dev.backprop.data.CsvColumn;
import dev.backprop.data.CsvSchema;
import dev.backprop.data.DataException;
import dev.backprop.data.DataSources;
import dev.backprop.data.Dataset;
import dev.backprop.data.LoadedData;
import dev.backprop.data.Task;
import dev.backprop.model.Preprocessing;
import dev.backprop.model.SavedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Data for a trained model to evaluate or predict: read exactly as the training data was, and
 * checked to have the model's features (and classes, when it has a target).
 *
 * <p>A CSV file is read with the training file's schema (columns matched by header name; the
 * target column may be missing). A model trained on a built-in set or IDX files reads CSV files
 * whose header names its features ({@code x1,x2}; {@code pixel0,…}) and, optionally, its target
 * ({@code label}, or the regression target's name). An IDX folder gives its test files.
 */
final class ModelData {

    /** The name of the class column of a model trained on data without column names. */
    static final String LABEL = "label";

    private ModelData() {
    }

    /**
     * Loads {@code spec} for {@code model}, unscaled.
     *
     * @param needsTarget whether the data must carry the true classes or values
     * @throws DataException naming the file and what does not fit the model
     */
    static Dataset load(String spec, SavedModel model, boolean needsTarget) {
        LoadedData loaded = DataSources.load(spec, schema(model));
        Dataset data = loaded.test().orElse(loaded.data());
        DataChecks.requireFeatures(data, model.preprocessing().featureNames(), "the model");
        if (data.task().isPresent() && data.task().get() != model.task()) {
            throw new DataException(data.name() + ": has a " + lower(data.task().get()) + " target, but the model does "
                    + lower(model.task()));
        }
        if (data.task().isPresent() && model.task() == Task.CLASSIFICATION
                && !data.classNames().equals(model.preprocessing().classLabels())) {
            throw new DataException(data.name() + ": classes " + data.classNames()
                    + " differ from the model's classes " + model.preprocessing().classLabels());
        }
        if (needsTarget && data.task().isEmpty()) {
            throw new DataException(data.name() + ": has no target column ('" + targetName(model)
                    + "'); evaluation needs the true " + (model.task() == Task.CLASSIFICATION ? "classes" : "values"));
        }
        return data;
    }

    /** The name of the predicted column: the CSV target, the regression target, or {@code label}. */
    static String targetName(SavedModel model) {
        Preprocessing p = model.preprocessing();
        if (p.csvSchema() != null && p.csvSchema().target().isPresent()) {
            return p.csvSchema().target().get().name();
        }
        boolean named = model.task() == Task.REGRESSION && !p.targetNames().isEmpty();
        return named ? String.join(",", p.targetNames()) : LABEL;
    }

    /** The training file's schema, or one naming the model's features and target for other data. */
    private static CsvSchema schema(SavedModel model) {
        Preprocessing p = model.preprocessing();
        if (p.csvSchema() != null) {
            return p.csvSchema();
        }
        List<CsvColumn> columns = new ArrayList<>();
        for (String feature : p.featureNames()) {
            columns.add(new CsvColumn(feature, CsvColumn.Role.NUMERIC, List.of(), 0f));
        }
        if (model.task() == Task.CLASSIFICATION) {
            columns.add(new CsvColumn(LABEL, CsvColumn.Role.CLASS_TARGET, p.classLabels(), 0f));
        } else if (p.targetNames().size() == 1) {
            columns.add(new CsvColumn(p.targetNames().get(0), CsvColumn.Role.VALUE_TARGET, List.of(), 0f));
        }
        return new CsvSchema(',', true, false, columns);
    }

    private static String lower(Task task) {
        return task.name().toLowerCase(Locale.ROOT);
    }
}
