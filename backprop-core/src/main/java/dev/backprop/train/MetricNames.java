package dev.backprop.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the metrics in an {@link EpochRecord} and an {@link Evaluation}, as Keras names them
 * in snake case. Validation metrics carry the prefix {@code val_}: {@code val_loss}, {@code
 * val_accuracy}.
 *
 * <ul>
 *   <li>every task: {@code loss}, the mean of the loss over the examples;
 *   <li>classification: {@code accuracy}, {@code macro_precision}, {@code macro_recall}, {@code
 *       macro_f1} (unweighted means over the classes, as scikit-learn's average='macro'), and with
 *       top-k on, {@code top<k>_accuracy};
 *   <li>regression: {@code mse}, {@code rmse}, {@code mae} and {@code r2} over all outputs (R² per
 *       output, averaged).
 * </ul>
 */
public final class MetricNames {
  /** The mean loss. */
  public static final String LOSS = "loss";
  /** The fraction of examples classified correctly. */
  public static final String ACCURACY = "accuracy";
  /** The unweighted mean of per-class precision. */
  public static final String MACRO_PRECISION = "macro_precision";
  /** The unweighted mean of per-class recall. */
  public static final String MACRO_RECALL = "macro_recall";
  /** The unweighted mean of per-class F1. */
  public static final String MACRO_F1 = "macro_f1";
  /** The mean squared error. */
  public static final String MSE = "mse";
  /** The root of the mean squared error. */
  public static final String RMSE = "rmse";
  /** The mean absolute error. */
  public static final String MAE = "mae";
  /** The coefficient of determination. */
  public static final String R2 = "r2";
  /** The prefix of metrics measured on validation examples. */
  public static final String VALIDATION_PREFIX = "val_";

  private MetricNames() {}

  /** The name of top-k accuracy, e.g. {@code top5_accuracy}. */
  public static String topK(int k) {
    return "top" + k + "_accuracy";
  }

  /** The name of a metric measured on validation examples: {@code val_} + name. */
  public static String validation(String name) {
    return VALIDATION_PREFIX + name;
  }

  /** Whether higher values of the named metric are better (accuracies, precision, recall, F1, R²). */
  public static boolean higherIsBetter(String name) {
    String base = name.startsWith(VALIDATION_PREFIX) ? name.substring(VALIDATION_PREFIX.length()) : name;
    return base.equals(ACCURACY) || base.startsWith("macro_") || base.equals(R2)
        || base.matches("top[0-9]+_accuracy");
  }

  /** The metrics of one set of examples, in the order records list them. */
  static List<String> of(boolean classification, int topK) {
    List<String> names = new ArrayList<>();
    names.add(LOSS);
    if (classification) {
      names.add(ACCURACY);
      if (topK > 0) {
        names.add(topK(topK));
      }
      names.addAll(List.of(MACRO_PRECISION, MACRO_RECALL, MACRO_F1));
    } else {
      names.addAll(List.of(MSE, RMSE, MAE, R2));
    }
    return names;
  }
}
