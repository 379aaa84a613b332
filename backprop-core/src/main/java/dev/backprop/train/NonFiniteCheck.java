package dev.backprop.train;

import dev.backprop.nn.LayerSpec;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.Map;

/** Finds a non-finite loss or gradient after a backward pass, before the optimizer uses it. */
final class NonFiniteCheck {
  /**
   * What is not finite.
   *
   * @param parameter the dotted name of the first parameter whose gradient is not finite, or null if
   *     every gradient is finite (the loss is not)
   * @param description a phrase saying what and where
   */
  record Problem(String parameter, String description) {}

  private NonFiniteCheck() {}

  /**
   * What is not finite, or null if nothing is: the loss and the first parameter, in the optimizer's
   * order, whose gradient holds a NaN or an infinity (a non-finite loss usually makes them all so).
   * The parameters are given by name, as the optimizer holds them: building the map afresh for every
   * batch would cost more than a small network's whole step.
   */
  static Problem find(double loss, Map<String, Tensor> parameters) {
    Problem gradient = firstNonFiniteGradient(parameters);
    if (Double.isFinite(loss)) {
      return gradient;
    }
    if (gradient == null) {
      return new Problem(null, "the loss is " + loss + " (every gradient is finite)");
    }
    return new Problem(gradient.parameter(), "the loss is " + loss + " and " + gradient.description());
  }

  private static Problem firstNonFiniteGradient(Map<String, Tensor> parameters) {
    for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
      Tensor g = e.getValue().grad();
      if (g == null) {
        continue;
      }
      int bad = firstNonFinite(g);
      if (bad >= 0) {
        double v = g.dtype() == DType.FLOAT32 ? TensorData.floats(g)[bad] : TensorData.doubles(g)[bad];
        return new Problem(e.getKey(), "the gradient of parameter '" + e.getKey() + "' is " + v + " at element "
            + bad + " (flat index into shape " + java.util.Arrays.toString(g.shape()) + ")");
      }
    }
    return null;
  }

  private static int firstNonFinite(Tensor g) {
    if (g.dtype() == DType.FLOAT32) {
      float[] a = TensorData.floats(g);
      for (int i = 0; i < a.length; i++) {
        if (!Float.isFinite(a[i])) {
          return i;
        }
      }
    } else {
      double[] a = TensorData.doubles(g);
      for (int i = 0; i < a.length; i++) {
        if (!Double.isFinite(a[i])) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The exception for a problem in a batch (epoch and batch counted from 0, shown from 1), naming the
   * parameter's layer and tensor in {@code architecture}.
   */
  static TrainingDivergedException diverged(int epoch, int batch, int batches, Problem problem,
      LayerSpec architecture) {
    String where = problem.parameter() == null ? "" : ", " + ParameterNames.describe(architecture, problem.parameter());
    return new TrainingDivergedException(epoch, batch, problem.parameter(),
        "training diverged in epoch " + (epoch + 1) + ", batch " + (batch + 1) + " of " + batches + ": "
            + problem.description() + where + "; no parameter was updated from this batch. Lower the learning"
            + " rate, clip the gradients (GradientClipping.byNorm), or look for extreme values in the data");
  }
}
