package dev.backprop.tensor;

/**
 * Softmax and log-softmax along one axis, fused for stability: the maximum is subtracted before
 * exponentiating, so no e^x overflows. Each slice along the axis is handled as [outer, n, inner].
 */
final class Softmax {
  private Softmax() {}

  /** With s = softmax(x): dx = s ⊙ (g − Σ g ⊙ s). */
  static Tensor softmax(Tensor x, int axis) {
    Tensor s = compute(x, axis, false);
    return Node.record(s, "softmax", g -> {
      Tensor gs = g.mul(s);
      return new Tensor[] {gs.sub(s.mul(gs.sum(new int[] {axis}, true)))};
    }, x);
  }

  /** With y = logSoftmax(x): dx = g − softmax(x) ⊙ Σ g. */
  static Tensor logSoftmax(Tensor x, int axis) {
    Tensor y = compute(x, axis, true);
    return Node.record(y, "logSoftmax", g -> new Tensor[] {g.sub(y.exp().mul(g.sum(new int[] {axis}, true)))}, x);
  }

  /** Softmax (or its log) of x along axis, in double arithmetic per slice. */
  static Tensor compute(Tensor x, int axis, boolean log) {
    int outer = Shapes.prod(x.shape, 0, axis);
    int n = x.shape[axis];
    int inner = Shapes.prod(x.shape, axis + 1, x.shape.length);
    Tensor y = Tensor.empty(x.dtype, x.shape.clone());
    for (int o = 0; o < outer; o++) {
      for (int j = 0; j < inner; j++) {
        int base = o * n * inner + j;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          max = Math.max(max, x.get(base + i * inner));
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
          sum += Math.exp(x.get(base + i * inner) - max);
        }
        double logSum = Math.log(sum);
        for (int i = 0; i < n; i++) {
          double z = x.get(base + i * inner) - max;
          y.set(base + i * inner, log ? z - logSum : Math.exp(z) / sum);
        }
      }
    }
    return y;
  }
}
