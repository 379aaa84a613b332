package dev.backprop.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reverse sweep: orders the recorded graph topologically, then walks it from the output down,
 * summing the gradient each tensor receives from all its consumers before passing it on. Leaves
 * accumulate into {@link Tensor#grad()}; the graph is released as it is consumed.
 */
final class Autograd {
  private Autograd() {}

  static void backward(Tensor root, Tensor seed) {
    List<Tensor> order = topologicalOrder(root);
    Map<Tensor, Tensor> pending = new IdentityHashMap<>();
    pending.put(root, seed);
    try (NoGrad ignored = GradMode.disable()) {
      for (int i = order.size() - 1; i >= 0; i--) {
        Tensor t = order.get(i);
        Tensor grad = pending.remove(t);
        Node node = t.node;
        if (node == null) {
          if (t.released) {
            throw new IllegalStateException(
                "backward: part of this graph was already released by an earlier backward();"
                    + " run the forward pass again");
          }
          if (grad != null) {
            t.accumulateGrad(grad);
          }
          continue;
        }
        t.node = null;
        t.released = true;
        if (grad == null) {
          continue;
        }
        Tensor[] inputGrads = node.backward.apply(grad);
        for (int k = 0; k < node.inputs.length; k++) {
          Tensor in = node.inputs[k];
          Tensor g = inputGrads[k];
          if (g == null || !in.requiresGrad) {
            continue;
          }
          if (!Arrays.equals(g.shape, in.shape)) {
            throw new IllegalStateException(
                node.op + ": backward produced a gradient of shape " + Shapes.str(g.shape)
                    + " for an input of shape " + Shapes.str(in.shape));
          }
          Tensor prev = pending.get(in);
          pending.put(in, prev == null ? g : ElementwiseBinary.plain(prev, g));
        }
      }
    }
  }

  /** Iterative depth-first post-order, so deep graphs cannot overflow the stack. */
  private static List<Tensor> topologicalOrder(Tensor root) {
    List<Tensor> order = new ArrayList<>();
    Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Tensor> stack = new ArrayDeque<>();
    ArrayDeque<Integer> nextChild = new ArrayDeque<>();
    stack.push(root);
    nextChild.push(0);
    visited.add(root);
    while (!stack.isEmpty()) {
      Tensor t = stack.peek();
      int child = nextChild.pop();
      Tensor[] inputs = t.node == null ? new Tensor[0] : t.node.inputs;
      if (child < inputs.length) {
        nextChild.push(child + 1);
        Tensor in = inputs[child];
        if (in.requiresGrad && visited.add(in)) {
          stack.push(in);
          nextChild.push(0);
        }
      } else {
        stack.pop();
        order.add(t);
      }
    }
    return order;
  }
}
