package dev.backprop.model;

import dev.backprop.data.CsvSchema;
import dev.backprop.data.Dataset;
import dev.backprop.data.Scaler;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What was done to the data before it reached the network, so that new data can be treated the same
 * way and the outputs read in the data's own terms. Every part is optional (empty or null).
 *
 * <pre>{@code
 * Preprocessing p = Preprocessing.of(train, featureScaler, null, csvSchema);
 * }</pre>
 *
 * @param featureNames one name per input feature, in column order; empty if unnamed
 * @param featureScaler the scaling fitted to the training features, or null for none
 * @param classLabels the class names, label k being {@code classLabels.get(k)}; empty for regression
 * @param targetNames the names of the regression targets; empty for classification
 * @param targetScaler the scaling fitted to the regression targets (the network predicts scaled
 *     targets), or null for none
 * @param csvSchema how a CSV file was read and encoded (columns, one-hot vocabularies), or null
 */
public record Preprocessing(List<String> featureNames, Scaler featureScaler, List<String> classLabels,
    List<String> targetNames, Scaler targetScaler, CsvSchema csvSchema) {

  /** Copies the lists. */
  public Preprocessing {
    featureNames = List.copyOf(featureNames);
    classLabels = List.copyOf(classLabels);
    targetNames = List.copyOf(targetNames);
    if (featureScaler != null && !featureNames.isEmpty() && featureScaler.offsets().length != featureNames.size()) {
      throw new IllegalArgumentException("preprocessing: the feature scaler has " + featureScaler.offsets().length
          + " columns for " + featureNames.size() + " feature names");
    }
  }

  /** No preprocessing at all: unnamed features, no scaling, no labels. */
  public static Preprocessing none() {
    return new Preprocessing(List.of(), null, List.of(), List.of(), null, null);
  }

  /**
   * The preprocessing of a training set: its feature names, class names or target names, with the
   * given scalers (null for none) and CSV schema (null if the data did not come from a CSV file).
   */
  public static Preprocessing of(Dataset train, Scaler featureScaler, Scaler targetScaler, CsvSchema csvSchema) {
    Objects.requireNonNull(train, "train");
    return new Preprocessing(train.featureNames(), featureScaler, train.classNames(), train.targetNames(),
        targetScaler, csvSchema);
  }

  /** The same with these class labels. */
  public Preprocessing withClassLabels(List<String> labels) {
    return new Preprocessing(featureNames, featureScaler, labels, targetNames, targetScaler, csvSchema);
  }

  /** The same with these feature names. */
  public Preprocessing withFeatureNames(List<String> names) {
    return new Preprocessing(names, featureScaler, classLabels, targetNames, targetScaler, csvSchema);
  }

  /** This preprocessing as nested maps of plain values (see docs/model-format.md). */
  public Map<String, Object> toMap() {
    return PreprocessingMaps.write(this);
  }

  /**
   * The preprocessing a {@link #toMap()}-shaped map describes.
   *
   * @throws IllegalArgumentException naming the entry that is missing or wrong
   */
  public static Preprocessing fromMap(Map<String, ?> map) {
    return PreprocessingMaps.read(map);
  }
}
