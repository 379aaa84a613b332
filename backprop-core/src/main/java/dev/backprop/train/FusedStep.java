package dev.backprop.train;

import dev.backprop.nn.internal.FusedTraining;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.Arrays;

/**
 * The batch step of a plain float32 MLP with a fused loss: forward pass, loss and backward pass
 * through {@link FusedTraining}, with no graph. It adds to the gradients exactly what {@link
 * AutogradStep} adds, up to float rounding.
 */
final class FusedStep implements BatchStep {
  private final FusedTraining training;
  private int[] labels = new int[0];

  FusedStep(FusedTraining training) {
    this.training = training;
  }

  @Override
  public Result run(Tensor features, Tensor targets) {
    int rows = features.size(0);
    float[] x = TensorData.floats(features);
    double loss;
    if (training.takesLabels()) {
      loss = training.step(x, 0, rows, classIndices(targets, rows), 0);
    } else {
      checkTargets(targets, rows);
      loss = training.step(x, 0, rows, TensorData.floats(targets), 0);
    }
    float[] outputs = new float[rows * training.outputs()];
    training.copyOutputs(outputs, 0);
    return new Result(loss, TensorData.wrap(outputs, rows, training.outputs()));
  }

  /** The class indices [rows] in a reused buffer; each must be a whole number. */
  private int[] classIndices(Tensor targets, int rows) {
    if (targets.rank() != 1 || targets.size(0) != rows) {
      throw new IllegalArgumentException("cross-entropy: expected " + rows + " class indices, got targets "
          + Arrays.toString(targets.shape()));
    }
    if (labels.length < rows) {
      labels = new int[rows];
    }
    for (int i = 0; i < rows; i++) {
      double v = targets.dtype() == DType.FLOAT32 ? TensorData.floats(targets)[i] : TensorData.doubles(targets)[i];
      if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "cross-entropy: target " + v + " at row " + i + " is not a class index");
      }
      labels[i] = (int) v;
    }
    return labels;
  }

  private void checkTargets(Tensor targets, int rows) {
    int outputs = training.outputs();
    if (targets.dtype() != DType.FLOAT32 || targets.rank() != 2 || targets.size(0) != rows
        || targets.size(1) != outputs) {
      throw new IllegalArgumentException("expected float32 targets [" + rows + ", " + outputs
          + "], got " + targets.dtype() + Arrays.toString(targets.shape()));
    }
  }
}
