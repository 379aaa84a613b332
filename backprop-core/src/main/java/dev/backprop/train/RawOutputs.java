package dev.backprop.train;

import dev.backprop.nn.Module;
import dev.backprop.nn.internal.FusedMlp;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;

/**
 * A network's raw outputs in evaluation mode: through its fused plan when it is a plain float32
 * MLP (no graph, no intermediate tensors), else through {@link Module#forward}. Safe for many
 * threads at once when the network is in evaluation mode.
 */
final class RawOutputs {
  private final Module network;
  private final FusedMlp fused;

  RawOutputs(Module network) {
    this.network = network;
    this.fused = FusedMlp.compile(network).orElse(null);
  }

  /** The outputs [rows, outputs] for features [rows, d]; the network must be in evaluation mode. */
  Tensor of(Tensor features) {
    if (fused == null || features.dtype() != DType.FLOAT32 || features.rank() != 2
        || features.size(1) != fused.inputs()) {
      // Mismatched inputs take the module path too, whose error names the layer.
      return network.forward(features);
    }
    int rows = features.size(0);
    float[] out = new float[rows * fused.outputs()];
    fused.forward(TensorData.floats(features), 0, rows, out, 0);
    return TensorData.wrap(out, rows, fused.outputs());
  }
}
