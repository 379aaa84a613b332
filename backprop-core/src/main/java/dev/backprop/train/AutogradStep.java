package dev.backprop.train;

import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.tensor.Tensor;

/** The general batch step: the network's forward pass recorded by autograd, then backward. */
final class AutogradStep implements BatchStep {
  private final Module network;
  private final Loss loss;

  AutogradStep(Module network, Loss loss) {
    this.network = network;
    this.loss = loss;
  }

  @Override
  public Result run(Tensor features, Tensor targets) {
    Tensor outputs = network.forward(features);
    Tensor value = loss.compute(outputs, targets);
    value.backward();
    return new Result(value.item(), outputs.detach());
  }
}
