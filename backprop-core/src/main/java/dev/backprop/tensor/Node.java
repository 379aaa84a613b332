package dev.backprop.tensor;

/**
 * One recorded operation: the inputs it read and the rule that maps the gradient of its output to
 * the gradients of those inputs. The rule returns one entry per input, null where an input needs
 * no gradient.
 */
final class Node {
  /** Maps dL/d(output) to dL/d(input) for each input. */
  @FunctionalInterface
  interface Backward {
    Tensor[] apply(Tensor grad);
  }

  final String op;
  final Tensor[] inputs;
  final Backward backward;

  Node(String op, Tensor[] inputs, Backward backward) {
    this.op = op;
    this.inputs = inputs;
    this.backward = backward;
  }

  /** Attaches a node to {@code out} when recording is on and some input requires a gradient. */
  static Tensor record(Tensor out, String op, Backward backward, Tensor... inputs) {
    if (!GradMode.enabled()) {
      return out;
    }
    for (Tensor in : inputs) {
      if (in.requiresGrad) {
        out.requiresGrad = true;
        out.node = new Node(op, inputs, backward);
        return out;
      }
    }
    return out;
  }
}
