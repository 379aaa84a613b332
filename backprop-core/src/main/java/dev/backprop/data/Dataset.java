package dev.backprop.data;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * An immutable table of n rows with d numeric feature columns, and optionally a target: a class
 * label per row (classification) or t real values per row (regression). Features are stored
 * row-major: feature j of row i is at {@code i * d + j}.
 *
 * <p>Class labels are indices into {@link #classNames()}, which keeps the original labels (for
 * example {@code "setosa"}) so predictions can be printed as the user wrote them.
 *
 * <p>The public factories copy and validate their arrays (finite values, labels in range); the
 * accessors return copies, so a data set can be shared freely between threads.
 */
public final class Dataset {
  private final String name;
  private final List<String> featureNames;
  private final float[] features;
  private final int rows;
  private final Task task;
  private final int[] labels;
  private final List<String> classNames;
  private final float[] targets;
  private final List<String> targetNames;

  private Dataset(
      String name,
      List<String> featureNames,
      float[] features,
      Task task,
      int[] labels,
      List<String> classNames,
      float[] targets,
      List<String> targetNames) {
    this.name = name;
    this.featureNames = List.copyOf(featureNames);
    this.features = features;
    this.rows = features.length / featureNames.size();
    this.task = task;
    this.labels = labels;
    this.classNames = classNames == null ? List.of() : List.copyOf(classNames);
    this.targets = targets;
    this.targetNames = targetNames == null ? List.of() : List.copyOf(targetNames);
  }

  /**
   * A classification data set.
   *
   * @param name where the data came from (a file path or a {@code builtin:} specification)
   * @param featureNames one name per feature column (d ≥ 1)
   * @param features n × d values, row-major, all finite
   * @param classNames the original class labels; label k means {@code classNames.get(k)}
   * @param labels n class indices in [0, classNames.size())
   * @return the data set, holding copies of the arrays
   */
  public static Dataset classification(
      String name, List<String> featureNames, float[] features, List<String> classNames,
      int[] labels) {
    int rows = checkFeatures(featureNames, features);
    checkNames("class", classNames);
    if (labels.length != rows) {
      throw new IllegalArgumentException(labels.length + " labels for " + rows + " rows");
    }
    for (int label : labels) {
      if (label < 0 || label >= classNames.size()) {
        throw new IllegalArgumentException(
            "label " + label + " outside [0, " + classNames.size() + ")");
      }
    }
    return ofClasses(name, featureNames, features.clone(), classNames, labels.clone());
  }

  /**
   * A regression data set with t ≥ 1 target columns.
   *
   * @param name where the data came from
   * @param featureNames one name per feature column (d ≥ 1)
   * @param features n × d values, row-major, all finite
   * @param targetNames one name per target column (t ≥ 1)
   * @param targets n × t values, row-major, all finite
   * @return the data set, holding copies of the arrays
   */
  public static Dataset regression(
      String name, List<String> featureNames, float[] features, List<String> targetNames,
      float[] targets) {
    int rows = checkFeatures(featureNames, features);
    checkNames("target", targetNames);
    if (targets.length != (long) rows * targetNames.size()) {
      throw new IllegalArgumentException(
          targets.length + " target values for " + rows + " rows × " + targetNames.size()
          + " targets");
    }
    checkFinite("target", targets);
    return ofValues(name, featureNames, features.clone(), targetNames, targets.clone());
  }

  /**
   * A data set without a target, such as input to prediction.
   *
   * @param name where the data came from
   * @param featureNames one name per feature column (d ≥ 1)
   * @param features n × d values, row-major, all finite
   * @return the data set, holding a copy of the array
   */
  public static Dataset unlabeled(String name, List<String> featureNames, float[] features) {
    checkFeatures(featureNames, features);
    return ofFeatures(name, featureNames, features.clone());
  }

  // The package-private factories take ownership of already validated arrays, without copying.
  static Dataset ofClasses(
      String name, List<String> featureNames, float[] features, List<String> classNames,
      int[] labels) {
    return new Dataset(
        name, featureNames, features, Task.CLASSIFICATION, labels, classNames, null, null);
  }

  static Dataset ofValues(
      String name, List<String> featureNames, float[] features, List<String> targetNames,
      float[] targets) {
    return new Dataset(name, featureNames, features, Task.REGRESSION, null, null, targets,
        targetNames);
  }

  static Dataset ofFeatures(String name, List<String> featureNames, float[] features) {
    return new Dataset(name, featureNames, features, null, null, null, null, null);
  }

  /** @return where the data came from: a file path or a {@code builtin:} specification */
  public String name() {
    return name;
  }

  /** @return n, the number of rows */
  public int size() {
    return rows;
  }

  /** @return d, the number of feature columns */
  public int featureCount() {
    return featureNames.size();
  }

  /** @return the d feature names in column order; one-hot columns are named {@code column=value} */
  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * @param row the row index in [0, n)
   * @param column the feature index in [0, d)
   * @return the feature value
   */
  public float feature(int row, int column) {
    return features[row * featureNames.size() + checkIndex(column, featureNames.size())];
  }

  /** @return a copy of all n × d feature values, row-major */
  public float[] features() {
    return features.clone();
  }

  /** The feature array itself, for readers in this package that never modify it. */
  float[] featureArray() {
    return features;
  }

  /** @return the task the target asks for, or empty when the data set has no target */
  public Optional<Task> task() {
    return Optional.ofNullable(task);
  }

  /** @return the original class labels, in label-index order; empty unless classification */
  public List<String> classNames() {
    return classNames;
  }

  /**
   * @param row the row index in [0, n)
   * @return the class index of that row
   */
  public int label(int row) {
    return requireLabels()[checkIndex(row, rows)];
  }

  /** @return a copy of the n class indices */
  public int[] labels() {
    return requireLabels().clone();
  }

  /** @return how many rows hold each class, indexed like {@link #classNames()} */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int label : requireLabels()) {
      counts[label]++;
    }
    return counts;
  }

  /** @return the names of the t regression targets; empty unless regression */
  public List<String> targetNames() {
    return targetNames;
  }

  /**
   * @param row the row index in [0, n)
   * @param column the target index in [0, t)
   * @return the regression target value
   */
  public float target(int row, int column) {
    return requireTargets()[row * targetNames.size() + checkIndex(column, targetNames.size())];
  }

  /** @return a copy of the n × t regression targets, row-major */
  public float[] targets() {
    return requireTargets().clone();
  }

  /**
   * Copies the features of the given rows into {@code out}, one row after another: a minibatch.
   *
   * @param rowIndices the rows to gather
   * @param out receives rowIndices.length × d values
   */
  public void gatherFeatures(int[] rowIndices, float[] out) {
    gather(features, featureNames.size(), rowIndices, out);
  }

  /**
   * Copies the class labels of the given rows into {@code out}.
   *
   * @param rowIndices the rows to gather
   * @param out receives rowIndices.length labels
   */
  public void gatherLabels(int[] rowIndices, int[] out) {
    int[] all = requireLabels();
    for (int i = 0; i < rowIndices.length; i++) {
      out[i] = all[rowIndices[i]];
    }
  }

  /**
   * Copies the regression targets of the given rows into {@code out}, row-major.
   *
   * @param rowIndices the rows to gather
   * @param out receives rowIndices.length × t values
   */
  public void gatherTargets(int[] rowIndices, float[] out) {
    gather(requireTargets(), targetNames.size(), rowIndices, out);
  }

  /**
   * A new data set holding the given rows, in the given order, with the same columns and classes.
   *
   * @param rowIndices rows to keep; may repeat
   * @return the selected rows
   */
  public Dataset select(int[] rowIndices) {
    float[] selected = new float[rowIndices.length * featureNames.size()];
    gatherFeatures(rowIndices, selected);
    if (task == Task.CLASSIFICATION) {
      int[] selectedLabels = new int[rowIndices.length];
      gatherLabels(rowIndices, selectedLabels);
      return ofClasses(name, featureNames, selected, classNames, selectedLabels);
    }
    if (task == Task.REGRESSION) {
      float[] selectedTargets = new float[rowIndices.length * targetNames.size()];
      gatherTargets(rowIndices, selectedTargets);
      return ofValues(name, featureNames, selected, targetNames, selectedTargets);
    }
    return ofFeatures(name, featureNames, selected);
  }

  /** The same rows and target with new feature values of the same shape (used by scaling). */
  Dataset withFeatureValues(float[] newFeatures) {
    return new Dataset(
        name, featureNames, newFeatures, task, labels, classNames, targets, targetNames);
  }

  /**
   * A one-line summary for reports, for example {@code "iris.csv: 150 rows × 4 features;
   * classification, 3 classes: setosa 50, versicolor 50, virginica 50"}.
   *
   * @return the summary
   */
  public String describe() {
    String shape = name + ": " + rows + (rows == 1 ? " row × " : " rows × ") + featureCount()
        + (featureCount() == 1 ? " feature" : " features");
    if (task == Task.CLASSIFICATION) {
      return shape + "; " + DatasetSummary.classes(classNames, classCounts());
    }
    if (task == Task.REGRESSION) {
      return shape + "; " + DatasetSummary.targets(targetNames, targets);
    }
    return shape + "; no target";
  }

  private int[] requireLabels() {
    if (labels == null) {
      throw new IllegalStateException(name + " has no class labels");
    }
    return labels;
  }

  private float[] requireTargets() {
    if (targets == null) {
      throw new IllegalStateException(name + " has no regression targets");
    }
    return targets;
  }

  private static void gather(float[] source, int width, int[] rowIndices, float[] out) {
    for (int i = 0; i < rowIndices.length; i++) {
      System.arraycopy(source, rowIndices[i] * width, out, i * width, width);
    }
  }

  private static int checkIndex(int index, int size) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " outside [0, " + size + ")");
    }
    return index;
  }

  private static int checkFeatures(List<String> featureNames, float[] features) {
    checkNames("feature", featureNames);
    if (features.length % featureNames.size() != 0) {
      throw new IllegalArgumentException(
          features.length + " feature values do not fill rows of " + featureNames.size());
    }
    checkFinite("feature", features);
    return features.length / featureNames.size();
  }

  private static void checkNames(String kind, List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("at least one " + kind + " name is needed");
    }
    if (new HashSet<>(names).size() != names.size()) {
      throw new IllegalArgumentException("duplicate " + kind + " names: " + names);
    }
  }

  private static void checkFinite(String kind, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(kind + " value " + i + " is " + values[i]);
      }
    }
  }
}
