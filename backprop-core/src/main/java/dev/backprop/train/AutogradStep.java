package dev.backprop.train;

import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;

/** The general batch step: the network's forward pass recorded by autograd, then backward. */
final class AutogradStep implements BatchStep {
  private final Module network;
  private final Loss loss;
  private final DType dtype;

  /** A step of {@code network}, whose parameters are of {@code dtype}, under {@code loss}. */
  AutogradStep(Module network, Loss loss, DType dtype) {
    this.network = network;
    this.loss = loss;
    this.dtype = dtype;
  }

  @Override
  public Result run(Examples examples, int[] rows, BatchTargets targets) {
    Tensor outputs = network.forward(examples.featuresAt(rows, dtype));
    Tensor value = loss.compute(outputs, targets.forLoss());
    value.backward();
    return new Result(value.item(), outputs.detach());
  }

  @Override
  public double run(Tensor features, Tensor targets) {
    Tensor value = loss.compute(network.forward(features), targets);
    value.backward();
    return value.item();
  }
}
