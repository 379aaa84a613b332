package dev.backprop.train;

import dev.backprop.tensor.Tensor;

/** Turns a classifier's activated outputs into predicted classes. */
final class Outputs {
  private Outputs() {}

  /**
   * The class of each row of [n, outputs] probabilities or scores: the first maximal column, or
   * for a single output, 1 when it is at least 0.5 (a sigmoid's probability, or a value trained
   * towards 0 and 1) and 0 otherwise.
   */
  static int[] classes(Tensor activated) {
    if (activated.size(1) > 1) {
      return activated.argmaxRows();
    }
    double[] p = activated.toDoubleArray();
    int[] out = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i] >= 0.5 ? 1 : 0;
    }
    return out;
  }
}
