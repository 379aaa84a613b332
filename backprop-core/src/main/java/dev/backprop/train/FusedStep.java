package dev.backprop.train;

import dev.backprop.nn.internal.FusedTraining;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.Arrays;

/**
 * The batch step of a plain float32 MLP with a fused loss: forward pass, loss and backward pass
 * through {@link FusedTraining}, with no graph. The batch's features are copied straight into a
 * buffer the step keeps, and class labels are read as the integers they are, so the step itself
 * allocates only the outputs it returns. It adds to the gradients what {@link AutogradStep} adds,
 * up to float rounding.
 */
final class FusedStep implements BatchStep {
  private final FusedTraining training;
  private float[] features = new float[0];
  private int[] labels = new int[0];

  FusedStep(FusedTraining training) {
    this.training = training;
  }

  @Override
  public Result run(Examples examples, int[] rows, BatchTargets targets) {
    int n = rows.length;
    if (features.length < n * training.inputs()) {
      features = new float[n * training.inputs()];
    }
    examples.featuresInto(rows, features);
    double loss;
    if (training.takesLabels()) {
      int[] classes = targets.labels() != null ? targets.labels() : classIndices(targets.forLoss(), n);
      loss = training.step(features, 0, n, classes, 0);
    } else {
      loss = training.step(features, 0, n, values(targets.forLoss(), n), 0);
    }
    float[] outputs = new float[n * training.outputs()];
    training.copyOutputs(outputs, 0);
    return new Result(loss, TensorData.wrap(outputs, n, training.outputs()));
  }

  @Override
  public double run(Tensor features, Tensor targets) {
    if (features.dtype() != DType.FLOAT32 || features.rank() != 2 || features.size(1) != training.inputs()) {
      throw new IllegalArgumentException("expected float32 features [rows, " + training.inputs() + "], got "
          + features.dtype() + Arrays.toString(features.shape()));
    }
    int n = features.size(0);
    float[] x = TensorData.floats(features);
    return training.takesLabels()
        ? training.step(x, 0, n, classIndices(targets, n), 0)
        : training.step(x, 0, n, values(targets, n), 0);
  }

  /** Class indices given as a tensor [rows] of whole numbers, in a reused buffer. */
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

  /** The float32 target values [rows, outputs]. */
  private float[] values(Tensor targets, int rows) {
    int outputs = training.outputs();
    if (targets.dtype() != DType.FLOAT32 || targets.rank() != 2 || targets.size(0) != rows
        || targets.size(1) != outputs) {
      throw new IllegalArgumentException("expected float32 targets [" + rows + ", " + outputs
          + "], got " + targets.dtype() + Arrays.toString(targets.shape()));
    }
    return TensorData.floats(targets);
  }
}
