package dev.backprop.model;

import dev.backprop.data.Task;
import dev.backprop.nn.Activation;
import dev.backprop.nn.LayerSpec;
import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.tensor.DType;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Checks that the parts of a {@link SavedModel} fit together; each failure is an IllegalArgumentException. */
final class ModelChecks {
  private ModelChecks() {}

  /** The number of input features, from the architecture or else the preprocessing. */
  static int inputs(LayerSpec spec, Preprocessing p) {
    int fixed = ExpectedTensors.inputs(spec);
    int named = !p.featureNames().isEmpty() ? p.featureNames().size()
        : p.featureScaler() != null ? p.featureScaler().offsets().length : -1;
    if (fixed >= 0 && named >= 0 && fixed != named) {
      throw new IllegalArgumentException("the network takes " + fixed + " features, but the preprocessing describes "
          + named);
    }
    if (p.featureScaler() != null && p.featureScaler().offsets().length != Math.max(fixed, named)) {
      throw new IllegalArgumentException("the feature scaler has " + p.featureScaler().offsets().length
          + " columns for " + Math.max(fixed, named) + " features");
    }
    if (fixed < 0 && named < 0) {
      throw new IllegalArgumentException(
          "the number of input features is unknown: the network has no dense or batch-norm layer and the"
              + " preprocessing names no features");
    }
    return Math.max(fixed, named);
  }

  /** The number of outputs per example for {@code inputs} features. */
  static int outputs(Module network, int inputs) {
    int[] shape = network.outputShape(inputs);
    if (shape.length != 1) {
      throw new IllegalArgumentException("the network gives outputs of shape " + Arrays.toString(shape)
          + " per example; a model needs one row of outputs");
    }
    return shape[0];
  }

  /** The preprocessing with class labels "0", "1", … when a classifier has none. */
  static Preprocessing withClassLabels(Task task, int outputs, Preprocessing p) {
    if (task != Task.CLASSIFICATION || !p.classLabels().isEmpty()) {
      return p;
    }
    List<String> labels = new ArrayList<>();
    for (int c = 0; c < Math.max(outputs, 2); c++) {
      labels.add(Integer.toString(c));
    }
    return p.withClassLabels(labels);
  }

  static void checkTask(Task task, int outputs, Loss loss, Preprocessing p) {
    if (task == Task.CLASSIFICATION) {
      int classes = p.classLabels().size();
      boolean single = outputs == 1 && classes == 2 && loss.outputActivation() != Activation.SOFTMAX;
      if (classes < 2 || (outputs != classes && !single)) {
        throw new IllegalArgumentException("the network gives " + outputs + " outputs for " + classes
            + " class labels " + p.classLabels());
      }
      if (p.targetScaler() != null || !p.targetNames().isEmpty()) {
        throw new IllegalArgumentException("a classifier has class labels, not target names or a target scaler");
      }
      return;
    }
    if (!p.classLabels().isEmpty()) {
      throw new IllegalArgumentException("a regression model has no class labels, got " + p.classLabels());
    }
    if (!p.targetNames().isEmpty() && p.targetNames().size() != outputs) {
      throw new IllegalArgumentException("the network gives " + outputs + " outputs for " + p.targetNames().size()
          + " target names " + p.targetNames());
    }
    if (p.targetScaler() != null && p.targetScaler().offsets().length != outputs) {
      throw new IllegalArgumentException("the target scaler has " + p.targetScaler().offsets().length
          + " columns for " + outputs + " outputs");
    }
  }

  /**
   * The state must be of this architecture and restore into a trainer of it with the state's own
   * configuration (optimizer, scheduler, early stopping, generators and all): a model file that
   * loads with a training state always resumes.
   */
  static void checkState(Module network, Loss loss, TrainingState state) {
    if (!state.architecture().equals(network.spec())) {
      throw new IllegalArgumentException("the training state is of another architecture: "
          + state.architecture().toMap());
    }
    Module scratch = state.architecture().build(new SplittableRandom(0));
    boolean wide = network.namedParameters().values().stream().anyMatch(t -> t.dtype() == DType.FLOAT64);
    new Trainer(wide ? scratch.toFloat64() : scratch, loss, state.config()).restore(state);
  }
}
