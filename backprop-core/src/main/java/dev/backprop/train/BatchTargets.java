package dev.backprop.train;

import dev.backprop.nn.Activation;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;

/**
 * The targets of one batch, in the two forms training needs: as plain labels or values for the
 * metrics, and as the tensor the loss takes.
 *
 * @param labels the class of each row (classification), or null
 * @param values the targets [b, t] (regression), or null
 * @param forLoss what the loss compares the network's outputs with
 */
record BatchTargets(int[] labels, Tensor values, Tensor forLoss) {

  /** The number of rows. */
  int size() {
    return labels != null ? labels.length : values.size(0);
  }

  /**
   * The targets of the given rows. For classification the loss gets class indices [b] when it
   * applies softmax (cross-entropy), else one-hot rows [b, classes], or [b, 1] holding 0 and 1 when
   * the network has a single output for two classes.
   */
  static BatchTargets of(Examples examples, int[] rows, DType dtype, Activation lossActivation, int outputs) {
    if (!examples.isClassification()) {
      Tensor values = examples.targetsAt(rows, dtype);
      return new BatchTargets(null, values, values);
    }
    int[] labels = examples.labelsAt(rows);
    int n = rows.length;
    double[] v = new double[lossActivation == Activation.SOFTMAX ? n : n * outputs];
    for (int i = 0; i < n; i++) {
      if (lossActivation == Activation.SOFTMAX || outputs == 1) {
        v[i] = labels[i];
      } else {
        v[i * outputs + labels[i]] = 1;
      }
    }
    Tensor t = lossActivation == Activation.SOFTMAX ? TensorData.wrap(v, n) : TensorData.wrap(v, n, outputs);
    return new BatchTargets(labels, null, dtype == DType.FLOAT32 ? t.toFloat32() : t);
  }
}
