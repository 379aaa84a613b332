package dev.backprop.model;

import dev.backprop.nn.BatchNormSpec;
import dev.backprop.nn.DenseSpec;
import dev.backprop.nn.DropoutSpec;
import dev.backprop.nn.ELUSpec;
import dev.backprop.nn.GELUSpec;
import dev.backprop.nn.IdentitySpec;
import dev.backprop.nn.LayerSpec;
import dev.backprop.nn.LeakyReLUSpec;
import dev.backprop.nn.ReLUSpec;
import dev.backprop.nn.SELUSpec;
import dev.backprop.nn.SequentialSpec;
import dev.backprop.nn.SigmoidSpec;
import dev.backprop.nn.SoftmaxSpec;
import dev.backprop.nn.TanhSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tensors an architecture has, by dotted name and shape, worked out from its configuration
 * alone: a file's tensors are checked against them before the network is built, so a header that
 * claims an absurd layer size is refused without allocating it.
 */
final class ExpectedTensors {
  private ExpectedTensors() {}

  /** Parameters and buffers, in the order of {@code namedParameters()} then {@code namedBuffers()}. */
  static Map<String, int[]> of(LayerSpec spec) {
    Map<String, int[]> parameters = new LinkedHashMap<>();
    Map<String, int[]> buffers = new LinkedHashMap<>();
    collect(spec, "", parameters, buffers);
    parameters.putAll(buffers);
    return parameters;
  }

  private static void collect(LayerSpec spec, String prefix, Map<String, int[]> parameters, Map<String, int[]> buffers) {
    if (spec instanceof DenseSpec d) {
      parameters.put(prefix + "weight", new int[] {d.out(), d.in()});
      if (d.bias()) {
        parameters.put(prefix + "bias", new int[] {d.out()});
      }
    } else if (spec instanceof BatchNormSpec b) {
      if (b.affine()) {
        parameters.put(prefix + "weight", new int[] {b.features()});
        parameters.put(prefix + "bias", new int[] {b.features()});
      }
      buffers.put(prefix + "running_mean", new int[] {b.features()});
      buffers.put(prefix + "running_var", new int[] {b.features()});
    } else if (spec instanceof SequentialSpec s) {
      List<LayerSpec> layers = s.layers();
      for (int i = 0; i < layers.size(); i++) {
        collect(layers.get(i), prefix + i + ".", parameters, buffers);
      }
    } else if (!isWithoutTensors(spec)) {
      throw new IllegalArgumentException("unsupported layer type " + spec.getClass().getSimpleName());
    }
  }

  private static boolean isWithoutTensors(LayerSpec spec) {
    return spec instanceof SigmoidSpec || spec instanceof TanhSpec || spec instanceof ReLUSpec
        || spec instanceof LeakyReLUSpec || spec instanceof ELUSpec || spec instanceof SELUSpec
        || spec instanceof GELUSpec || spec instanceof SoftmaxSpec || spec instanceof IdentitySpec
        || spec instanceof DropoutSpec;
  }

  /** The number of input features the architecture fixes (its first dense or batch-norm layer), or −1. */
  static int inputs(LayerSpec spec) {
    if (spec instanceof DenseSpec d) {
      return d.in();
    } else if (spec instanceof BatchNormSpec b) {
      return b.features();
    } else if (spec instanceof SequentialSpec s) {
      for (LayerSpec layer : s.layers()) {
        int n = inputs(layer);
        if (n >= 0) {
          return n;
        }
      }
    }
    return -1;
  }
}
