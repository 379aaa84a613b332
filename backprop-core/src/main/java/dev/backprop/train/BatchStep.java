package dev.backprop.train;

import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.nn.internal.FusedMlp;
import dev.backprop.tensor.Tensor;

/**
 * The forward pass, loss and backward pass of one minibatch: after {@link #run}, every parameter's
 * gradient holds ∂L/∂θ of the batch's loss. The {@link Trainer} does the rest (checks, clipping,
 * the optimizer step, metrics), so a faster way to compute the same gradients for some networks
 * (a fused pass for plain MLPs) plugs in here without changing the Trainer.
 */
interface BatchStep {
  /**
   * The batch's mean loss and the network's raw outputs [b, outputs], detached from any graph.
   *
   * @param loss the batch's loss value
   * @param outputs the raw outputs (before the loss's output activation)
   */
  record Result(double loss, Tensor outputs) {}

  /** Forward, loss, backward for the given rows of {@code examples} and their targets. */
  Result run(Examples examples, int[] rows, BatchTargets targets);

  /**
   * Forward, loss, backward for a batch given as tensors: features [b, d] in the network's dtype
   * and what the loss takes as targets. Returns the batch's loss; computes no outputs for metrics.
   */
  double run(Tensor features, Tensor targets);

  /**
   * The step for a network and loss: the fused path when the network is a plain float32 MLP
   * (dense layers, elementwise activations, dropout after them) and the loss has a fused form,
   * else the general autograd path.
   */
  static BatchStep of(Module network, Loss loss) {
    return FusedMlp.compile(network)
        .flatMap(mlp -> mlp.training(loss))
        .<BatchStep>map(FusedStep::new)
        .orElseGet(() -> new AutogradStep(network, loss, Networks.dtypeOf(network)));
  }
}
