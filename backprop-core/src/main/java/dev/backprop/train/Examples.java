package dev.backprop.train;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.Arrays;

/**
 * Examples to train on, validate with or evaluate: a feature matrix [n, d] and either a class
 * label per row (classification) or a row of real targets (regression).
 *
 * <pre>{@code
 * Examples train = Examples.classification(Tensor.of(pixels, 60000, 784), labels, 10);
 * Examples curve = Examples.regression(Tensor.of(x, 200, 1), Tensor.of(y, 200, 1));
 * }</pre>
 *
 * <p>The tensors are held, not copied (tensors are immutable to users). Every value is checked
 * once, here: a NaN or infinite feature or target, or a label outside [0, classes), is refused with
 * its row and column.
 */
public final class Examples {
  private final Tensor features;
  private final int[] labels;
  private final int classes;
  private final Tensor targets;

  private Examples(Tensor features, int[] labels, int classes, Tensor targets) {
    this.features = features;
    this.labels = labels;
    this.classes = classes;
    this.targets = targets;
  }

  /**
   * Classification examples: features [n, d] and n labels in [0, classes).
   *
   * @throws IllegalArgumentException naming the first bad shape, count, value or label
   */
  public static Examples classification(Tensor features, int[] labels, int classes) {
    checkFeatures(features);
    if (classes < 2) {
      throw new IllegalArgumentException("examples: classification needs at least 2 classes, got " + classes);
    }
    if (labels.length != features.size(0)) {
      throw new IllegalArgumentException(
          "examples: " + labels.length + " labels for " + features.size(0) + " rows of features");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "examples: label " + labels[i] + " at row " + i + " is outside [0, " + classes + ")");
      }
    }
    return new Examples(features, labels.clone(), classes, null);
  }

  /**
   * Regression examples: features [n, d] and targets [n, t] (or [n], taken as [n, 1]).
   *
   * @throws IllegalArgumentException naming the first bad shape or value
   */
  public static Examples regression(Tensor features, Tensor targets) {
    checkFeatures(features);
    Tensor t = targets.rank() == 1 ? targets.reshape(targets.size(0), 1) : targets;
    if (t.rank() != 2 || t.size(0) != features.size(0) || t.size(1) < 1) {
      throw new IllegalArgumentException(
          "examples: targets must be [" + features.size(0) + ", outputs], got "
              + Arrays.toString(targets.shape()));
    }
    checkFinite("target", t);
    return new Examples(features, null, 0, t);
  }

  private static void checkFeatures(Tensor features) {
    if (features.rank() != 2 || features.size(0) < 1 || features.size(1) < 1) {
      throw new IllegalArgumentException(
          "examples: features must be a non-empty [rows, features] matrix, got "
              + Arrays.toString(features.shape()));
    }
    checkFinite("feature", features);
  }

  private static void checkFinite(String what, Tensor t) {
    int columns = t.size(1);
    int n = t.numel();
    float[] f = t.dtype() == DType.FLOAT32 ? TensorData.floats(t) : null;
    double[] d = f == null ? TensorData.doubles(t) : null;
    for (int i = 0; i < n; i++) {
      double v = f != null ? f[i] : d[i];
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(
            "examples: " + what + " at row " + i / columns + ", column " + i % columns + " is " + v
                + "; every value must be finite");
      }
    }
  }

  /** The number of examples n. */
  public int size() {
    return features.size(0);
  }

  /** The number of features d per example. */
  public int featureCount() {
    return features.size(1);
  }

  /** Whether the examples carry class labels (else regression targets). */
  public boolean isClassification() {
    return labels != null;
  }

  /** The number of classes; 0 for regression. */
  public int classes() {
    return classes;
  }

  /** The number of regression targets per example; 0 for classification. */
  public int targetCount() {
    return targets == null ? 0 : targets.size(1);
  }

  /** The features [n, d]. */
  public Tensor features() {
    return features;
  }

  /**
   * The class labels, a copy.
   *
   * @throws IllegalStateException for regression examples
   */
  public int[] labels() {
    if (labels == null) {
      throw new IllegalStateException("examples: regression examples have targets, not labels");
    }
    return labels.clone();
  }

  /**
   * The regression targets [n, t].
   *
   * @throws IllegalStateException for classification examples
   */
  public Tensor targets() {
    if (targets == null) {
      throw new IllegalStateException("examples: classification examples have labels, not targets");
    }
    return targets;
  }

  /** The examples at the given rows, in that order (rows may repeat). */
  public Examples rows(int[] rows) {
    Tensor x = gather(features, rows, features.dtype());
    return labels != null
        ? new Examples(x, labelsAt(rows), classes, null)
        : new Examples(x, null, 0, gather(targets, rows, targets.dtype()));
  }

  /** The labels of the given rows. */
  int[] labelsAt(int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = labels[rows[i]];
    }
    return out;
  }

  /** The features of the given rows, as a new [rows, d] tensor of the given dtype. */
  Tensor featuresAt(int[] rows, DType dtype) {
    return gather(features, rows, dtype);
  }

  /** The targets of the given rows, as a new [rows, t] tensor of the given dtype. */
  Tensor targetsAt(int[] rows, DType dtype) {
    return gather(targets, rows, dtype);
  }

  /**
   * Copies the features of the given rows into {@code into} [rows, d] from index 0, as float32:
   * what the fused batch step reads, without a tensor per batch.
   */
  void featuresInto(int[] rows, float[] into) {
    copyRows(features, rows, into);
  }

  /** Copies whole rows of a matrix into a new matrix, converting the element type on the way. */
  static Tensor gather(Tensor source, int[] rows, DType dtype) {
    int width = source.size(1);
    if (dtype == DType.FLOAT32) {
      float[] out = new float[rows.length * width];
      copyRows(source, rows, out);
      return TensorData.wrap(out, rows.length, width);
    }
    checkRows(source, rows);
    double[] out = new double[rows.length * width];
    if (source.dtype() == DType.FLOAT64) {
      double[] in = TensorData.doubles(source);
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(in, rows[i] * width, out, i * width, width);
      }
    } else {
      float[] in = TensorData.floats(source);
      for (int i = 0; i < out.length; i++) {
        out[i] = in[rows[i / width] * width + i % width];
      }
    }
    return TensorData.wrap(out, rows.length, width);
  }

  /** Copies whole rows of a matrix into {@code out} from index 0, as float32. */
  private static void copyRows(Tensor source, int[] rows, float[] out) {
    checkRows(source, rows);
    int width = source.size(1);
    if (source.dtype() == DType.FLOAT32) {
      float[] in = TensorData.floats(source);
      for (int i = 0; i < rows.length; i++) {
        System.arraycopy(in, rows[i] * width, out, i * width, width);
      }
    } else {
      double[] in = TensorData.doubles(source);
      for (int i = 0; i < rows.length * width; i++) {
        out[i] = (float) in[rows[i / width] * width + i % width];
      }
    }
  }

  private static void checkRows(Tensor source, int[] rows) {
    int n = source.size(0);
    for (int r : rows) {
      if (r < 0 || r >= n) {
        throw new IndexOutOfBoundsException("examples: row " + r + " is outside [0, " + n + ")");
      }
    }
  }

  @Override
  public String toString() {
    return "Examples(" + size() + " × " + featureCount() + ", "
        + (labels != null ? classes + " classes" : targetCount() + " targets") + ")";
  }
}
