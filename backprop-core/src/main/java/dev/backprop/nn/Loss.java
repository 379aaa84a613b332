package dev.backprop.nn;

import dev.backprop.tensor.Tensor;
import java.util.List;

/**
 * A loss: a differentiable scalar measuring how far a batch of network outputs is from its targets,
 * averaged over the batch so that its size does not change the step size.
 *
 * <pre>{@code
 * Loss loss = Loss.byName("cross-entropy");
 * Tensor l = loss.compute(net.forward(x), labels);
 * l.backward();
 * }</pre>
 */
public interface Loss {
  /** The loss of a batch: a scalar tensor that {@link Tensor#backward()} differentiates. */
  Tensor compute(Tensor predictions, Tensor targets);

  /** The name used in configuration files and on the command line, e.g. {@code cross-entropy}. */
  String name();

  /**
   * The function that turns the network's raw outputs into predictions of the targets: sigmoid
   * and softmax for the cross-entropies (they take logits), the identity for regression losses.
   */
  Activation outputActivation();

  /** The names {@link #byName} accepts. */
  static List<String> names() {
    return List.of("mse", "half-sum-squared-error", "mae", "huber", "binary-cross-entropy", "cross-entropy");
  }

  /**
   * The loss with the given name and default parameters: {@code mse}, {@code
   * half-sum-squared-error}, {@code mae}, {@code huber} (δ = 1), {@code binary-cross-entropy} or
   * {@code cross-entropy}.
   */
  static Loss byName(String name) {
    return switch (name) {
      case "mse" -> new MeanSquaredError();
      case "half-sum-squared-error" -> new HalfSumSquaredError();
      case "mae" -> new MeanAbsoluteError();
      case "huber" -> new Huber(Huber.DEFAULT_DELTA);
      case "binary-cross-entropy" -> new BinaryCrossEntropy();
      case "cross-entropy" -> new CategoricalCrossEntropy();
      default -> throw new IllegalArgumentException(
          "unknown loss '" + name + "'; expected one of " + names());
    };
  }
}
