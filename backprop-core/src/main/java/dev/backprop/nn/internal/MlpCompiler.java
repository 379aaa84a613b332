package dev.backprop.nn.internal;

import dev.backprop.kernels.ActivationKernel;
import dev.backprop.nn.Dense;
import dev.backprop.nn.Dropout;
import dev.backprop.nn.ELU;
import dev.backprop.nn.GELU;
import dev.backprop.nn.Identity;
import dev.backprop.nn.LeakyReLU;
import dev.backprop.nn.Module;
import dev.backprop.nn.ReLU;
import dev.backprop.nn.SELU;
import dev.backprop.nn.Sequential;
import dev.backprop.nn.Sigmoid;
import dev.backprop.nn.Tanh;
import dev.backprop.tensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a network as a chain of dense layers, each followed by at most one elementwise activation.
 * Nested {@link Sequential}s are flattened; {@link Identity} and {@link Dropout} are skipped (the
 * identity in evaluation mode; training with an active dropout is left to autograd).
 */
final class MlpCompiler {
  /** What a qualifying network compiles to; {@code dropout} tells whether any dropout has p &gt; 0. */
  record Compiled(List<FusedLayer> layers, boolean dropout) {}

  private MlpCompiler() {}

  /** The network's fused layers, or null when it holds anything else or is not float32. */
  static Compiled compile(Module network) {
    List<Module> modules = new ArrayList<>();
    flatten(network, modules);
    List<FusedLayer> layers = new ArrayList<>();
    boolean dropout = false;
    Dense pending = null;
    Module activation = null;
    for (Module m : modules) {
      if (m instanceof Dense dense) {
        if (dense.weight().dtype() != DType.FLOAT32) {
          return null;
        }
        if (pending != null) {
          layers.add(layer(pending, activation));
        }
        pending = dense;
        activation = null;
      } else if (m instanceof Dropout d) {
        dropout |= d.p() > 0;
      } else if (!(m instanceof Identity)) {
        if (pending == null || activation != null || kernel(m) == null) {
          return null;
        }
        activation = m;
      }
    }
    if (pending == null) {
      return null;
    }
    layers.add(layer(pending, activation));
    return new Compiled(List.copyOf(layers), dropout);
  }

  private static void flatten(Module m, List<Module> out) {
    if (m instanceof Sequential s) {
      for (Module child : s.layers()) {
        flatten(child, out);
      }
    } else {
      out.add(m);
    }
  }

  private static FusedLayer layer(Dense dense, Module activation) {
    ActivationKernel kernel = activation == null ? ActivationKernel.IDENTITY : kernel(activation);
    double param = 0;
    if (activation instanceof LeakyReLU leaky) {
      param = leaky.slope();
    } else if (activation instanceof ELU elu) {
      param = elu.alpha();
    }
    return new FusedLayer(dense.weight(), dense.bias(), kernel, param);
  }

  /** The kernel of an elementwise activation layer, or null for any other module. */
  private static ActivationKernel kernel(Module m) {
    if (m instanceof ReLU) {
      return ActivationKernel.RELU;
    } else if (m instanceof LeakyReLU) {
      return ActivationKernel.LEAKY_RELU;
    } else if (m instanceof ELU) {
      return ActivationKernel.ELU;
    } else if (m instanceof SELU) {
      return ActivationKernel.SELU;
    } else if (m instanceof Sigmoid) {
      return ActivationKernel.SIGMOID;
    } else if (m instanceof Tanh) {
      return ActivationKernel.TANH;
    } else if (m instanceof GELU) {
      return ActivationKernel.GELU;
    }
    return null;
  }
}
