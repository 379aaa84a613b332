package dev.backprop.nn;

import dev.backprop.tensor.Tensor;
import java.util.function.Function;

/** An elementwise activation: no parameters, the output shape is the input shape. */
abstract sealed class ActivationLayer extends Module
    permits Sigmoid, Tanh, ReLU, LeakyReLU, ELU, SELU, GELU, Softmax, Identity {

  /** A new layer of the same configuration. */
  abstract ActivationLayer fresh();

  @Override
  public int[] outputShape(int... inputShape) {
    return inputShape.clone();
  }

  @Override
  final Module copyWith(Function<String, Tensor> state) {
    return fresh();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "()";
  }
}
