package dev.backprop.nn;

import dev.backprop.tensor.GradCheck;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finite-difference checks of a whole module: the input and every parameter are inputs of the
 * checked function, which runs a copy of the module holding the perturbed tensors.
 */
final class ModuleGradCheck {
  private ModuleGradCheck() {}

  /** Checks head(module(x)) with respect to x and every parameter, all in float64. */
  static GradCheck.Result check(Module module, Tensor x, Function<Tensor, Tensor> head) {
    Module m = module.toFloat64();
    Map<String, Tensor> buffers = m.namedBuffers();
    List<String> names = new ArrayList<>(m.namedParameters().keySet());
    Tensor[] inputs = new Tensor[names.size() + 1];
    inputs[0] = x.toFloat64();
    for (int i = 0; i < names.size(); i++) {
      inputs[i + 1] = m.namedParameters().get(names.get(i));
    }
    return GradCheck.check(in -> {
      Module copy = m.withState(name -> {
        int i = names.indexOf(name);
        return i >= 0 ? in[i + 1] : buffers.get(name);
      });
      return head.apply(copy.forward(in[0]));
    }, inputs);
  }

  /** Checks the module's outputs themselves (GradCheck projects them onto a random direction). */
  static GradCheck.Result check(Module module, Tensor x) {
    return check(module, x, y -> y);
  }
}
