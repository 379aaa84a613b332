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
 * Reads a network as a chain of dense layers, each followed by at most one elementwise activation
 * and then at most one dropout. Nested {@link Sequential}s are flattened; {@link Identity} and
 * dropouts with p = 0 are skipped. A dropout anywhere else (before the first dense layer, between a
 * layer and its activation, or a second one) leaves inference fused (where dropout is the identity)
 * but training to autograd.
 */
final class MlpCompiler {
  /**
   * What a qualifying network compiles to.
   *
   * @param layers the fused layers, in order
   * @param dropoutMisplaced whether a dropout with p &gt; 0 sits where a fused step cannot apply it
   */
  record Compiled(List<FusedLayer> layers, boolean dropoutMisplaced) {}

  private MlpCompiler() {}

  /** The network's fused layers, or null when it holds anything else or is not float32. */
  static Compiled compile(Module network) {
    List<Module> modules = new ArrayList<>();
    flatten(network, modules);
    List<FusedLayer> layers = new ArrayList<>();
    boolean misplaced = false;
    Dense pending = null;
    Module activation = null;
    Dropout dropout = null;
    for (Module m : modules) {
      if (m instanceof Dense dense) {
        if (dense.weight().dtype() != DType.FLOAT32) {
          return null;
        }
        if (pending != null) {
          layers.add(layer(pending, activation, dropout));
        }
        pending = dense;
        activation = null;
        dropout = null;
      } else if (m instanceof Dropout d) {
        if (d.p() > 0) {
          misplaced |= pending == null || dropout != null;
          dropout = d;
        }
      } else if (!(m instanceof Identity)) {
        if (pending == null || activation != null || kernel(m) == null) {
          return null;
        }
        misplaced |= dropout != null;
        activation = m;
      }
    }
    if (pending == null) {
      return null;
    }
    layers.add(layer(pending, activation, dropout));
    return new Compiled(List.copyOf(layers), misplaced);
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

  private static FusedLayer layer(Dense dense, Module activation, Dropout dropout) {
    ActivationKernel kernel = activation == null ? ActivationKernel.IDENTITY : kernel(activation);
    double param = 0;
    if (activation instanceof LeakyReLU leaky) {
      param = leaky.slope();
    } else if (activation instanceof ELU elu) {
      param = elu.alpha();
    }
    return new FusedLayer(dense.weight(), dense.bias(), kernel, param, dropout);
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
