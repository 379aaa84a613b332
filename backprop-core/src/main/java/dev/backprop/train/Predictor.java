package dev.backprop.train;

import dev.backprop.nn.Activation;
import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.NoGrad;
import dev.backprop.tensor.Tensor;
import java.util.Arrays;

/**
 * Predictions of a trained network: class probabilities or values for a batch of examples. Built
 * from a snapshot of the network in evaluation mode, so training the original further does not
 * change it; every call runs without recording a graph, in batches of 1,024 rows.
 *
 * <p>Thread-safe: many threads may call one predictor at once, and each gets the very bits a
 * sequential call would give (evaluation mode changes no state, and the kernels compute each
 * output in a fixed order whatever the number of threads).
 *
 * <pre>{@code
 * Predictor predictor = Predictor.of(network, loss);          // softmax after cross-entropy
 * Tensor probabilities = predictor.predict(x);                // [n, classes]
 * int[] classes = predictor.predictClasses(x);
 * }</pre>
 */
public final class Predictor {
  private final RawOutputs outputs;
  private final Module activation;
  private final Activation outputActivation;
  private final DType dtype;

  private Predictor(Module network, Activation outputActivation) {
    this.dtype = Networks.dtypeOf(network);
    this.outputs = new RawOutputs((dtype == DType.FLOAT32 ? network.toFloat32() : network.toFloat64()).eval());
    this.outputActivation = outputActivation;
    this.activation = outputActivation.layer().eval();
  }

  /**
   * A predictor applying the loss's output activation: probabilities after a cross-entropy (softmax
   * or sigmoid), values after a regression loss.
   */
  public static Predictor of(Module network, Loss loss) {
    return new Predictor(network, loss.outputActivation());
  }

  /** A predictor applying {@code outputActivation} to the network's outputs. */
  public static Predictor of(Module network, Activation outputActivation) {
    return new Predictor(network, outputActivation);
  }

  /**
   * The activated outputs [n, outputs] for inputs [n, features], in the network's dtype (inputs of
   * the other dtype are converted).
   *
   * @throws IllegalArgumentException if the inputs are not a non-empty matrix the network takes
   */
  public Tensor predict(Tensor inputs) {
    if (inputs.rank() != 2 || inputs.size(0) == 0) {
      throw new IllegalArgumentException(
          "predict: expected inputs [rows, features] with at least one row, got " + Arrays.toString(inputs.shape()));
    }
    int n = inputs.size(0);
    try (NoGrad ignored = Tensor.noGrad()) {
      Tensor x = dtype == DType.FLOAT32 ? inputs.toFloat32() : inputs.toFloat64();
      if (n <= Evaluator.BATCH) {
        return activation.forward(outputs.of(x));
      }
      Tensor[] parts = new Tensor[(n + Evaluator.BATCH - 1) / Evaluator.BATCH];
      for (int b = 0; b < parts.length; b++) {
        int start = b * Evaluator.BATCH;
        Tensor rows = x.slice(start, Math.min(n, start + Evaluator.BATCH));
        parts[b] = activation.forward(outputs.of(rows));
      }
      return Tensor.concat(0, parts);
    }
  }

  /**
   * The predicted class of each row: the most probable one, or for a single sigmoid output, 1 when
   * its probability is at least 0.5.
   */
  public int[] predictClasses(Tensor inputs) {
    return Outputs.classes(predict(inputs));
  }

  /** The activation applied to the network's outputs. */
  public Activation outputActivation() {
    return outputActivation;
  }

  /** The dtype of the network and of the predictions. */
  public DType dtype() {
    return dtype;
  }
}
