package dev.backprop.train;

import dev.backprop.nn.Module;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;

/** Facts about a network that training and inference need. */
final class Networks {
  private Networks() {}

  /** The dtype of the network's parameters (or buffers); float32 for a network with neither. */
  static DType dtypeOf(Module network) {
    for (Tensor t : network.namedParameters().values()) {
      return t.dtype();
    }
    for (Tensor t : network.namedBuffers().values()) {
      return t.dtype();
    }
    return DType.FLOAT32;
  }

  /**
   * The number of outputs per example for {@code features} inputs.
   *
   * @throws IllegalArgumentException if the network does not take that many features, or does not
   *     give a flat row of outputs
   */
  static int outputWidth(Module network, int features) {
    int[] shape;
    try {
      shape = network.outputShape(features);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the network does not take examples of " + features + " features: " + e.getMessage(), e);
    }
    if (shape.length != 1) {
      throw new IllegalArgumentException(
          "the network gives outputs of shape " + java.util.Arrays.toString(shape) + " per example; expected one row");
    }
    return shape[0];
  }
}
