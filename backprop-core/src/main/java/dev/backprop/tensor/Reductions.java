package dev.backprop.tensor;

/**
 * Reductions over axes. Several axes are reduced one at a time, each viewed as
 * [outer, reduced, inner], so every sum runs in a fixed order: the same bits on every run.
 */
final class Reductions {
  private Reductions() {}

  /** d/dx_i Σ x = 1: the gradient is expanded back over the reduced axes. */
  static Tensor sum(Tensor x, int[] axes, boolean keepDims) {
    Tensor y = reduce(x, axes);
    int[] kept = keptShape(x.shape, axes);
    Tensor out = keepDims ? y : y.reshape(droppedShape(x.shape, axes));
    return Node.record(out, "sum", g -> new Tensor[] {g.reshape(kept).expand(x.shape)}, x);
  }

  /** d/dx_i mean x = 1 / n, n the number of elements reduced. */
  static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
    int count = 1;
    for (int a : axes) {
      count *= x.shape[a];
    }
    return sum(x, axes, keepDims).div(count);
  }

  /** d/dx_i max x = 1 for the first maximal element, 0 for the others. */
  static Tensor max(Tensor x, int[] axes, boolean keepDims) {
    Tensor flat = moveToEnd(x, axes);
    int outer = flat.shape[0];
    int r = flat.shape[1];
    if (r == 0) {
      throw new IllegalArgumentException("max: cannot reduce an empty axis of " + Shapes.str(x.shape));
    }
    Tensor y = Tensor.empty(x.dtype, new int[] {outer});
    int[] winner = new int[outer];
    for (int o = 0; o < outer; o++) {
      int best = 0;
      for (int i = 1; i < r; i++) {
        if (flat.get(o * r + i) > flat.get(o * r + best)) {
          best = i;
        }
      }
      winner[o] = best;
      y.set(o, flat.get(o * r + best));
    }
    Tensor out = y.reshape(keepDims ? keptShape(x.shape, axes) : droppedShape(x.shape, axes));
    return Node.record(out, "max", g -> {
      Tensor mask = Tensor.empty(x.dtype, new int[] {outer, r});
      for (int o = 0; o < outer; o++) {
        mask.set(o * r + winner[o], 1);
      }
      Tensor spread = mask.mul(g.reshape(outer, 1));
      return new Tensor[] {restoreFromEnd(spread, x.shape, axes)};
    }, x);
  }

  static Tensor argmax(Tensor x, int axis, boolean keepDims) {
    Tensor flat = moveToEnd(x, new int[] {axis});
    int outer = flat.shape[0];
    int r = flat.shape[1];
    Tensor y = Tensor.empty(x.dtype, new int[] {outer});
    for (int o = 0; o < outer; o++) {
      y.set(o, argmax(flat, o * r, r));
    }
    return y.reshape(keepDims ? keptShape(x.shape, new int[] {axis}) : droppedShape(x.shape, new int[] {axis}));
  }

  static int argmaxFlat(Tensor x) {
    if (x.numel() == 0) {
      throw new IllegalArgumentException("argmax: the tensor is empty");
    }
    return argmax(x, 0, x.numel());
  }

  static int[] argmaxRows(Tensor x) {
    if (x.shape.length != 2 || x.shape[1] == 0) {
      throw new IllegalArgumentException("argmaxRows: needs a non-empty matrix, got " + Shapes.str(x.shape));
    }
    int rows = x.shape[0];
    int cols = x.shape[1];
    int[] out = new int[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = argmax(x, i * cols, cols);
    }
    return out;
  }

  private static int argmax(Tensor x, int from, int length) {
    int best = 0;
    for (int i = 1; i < length; i++) {
      if (x.get(from + i) > x.get(from + best)) {
        best = i;
      }
    }
    return best;
  }

  /** Sums axis by axis; never recorded (the caller records one node for the whole reduction). */
  private static Tensor reduce(Tensor x, int[] axes) {
    int[] shape = x.shape.clone();
    Tensor cur = x;
    for (int k = axes.length - 1; k >= 0; k--) {
      int a = axes[k];
      int outer = Shapes.prod(shape, 0, a);
      int r = shape[a];
      int inner = Shapes.prod(shape, a + 1, shape.length);
      shape[a] = 1;
      Tensor next = Tensor.empty(x.dtype, shape.clone());
      if (cur.f != null) {
        sumAxis(cur.f, next.f, outer, r, inner);
      } else {
        sumAxis(cur.d, next.d, outer, r, inner);
      }
      cur = next;
    }
    return cur == x ? ShapeOps.copyOf(x) : cur;
  }

  private static void sumAxis(float[] x, float[] y, int outer, int r, int inner) {
    for (int o = 0; o < outer; o++) {
      int yo = o * inner;
      for (int i = 0; i < r; i++) {
        int xo = (o * r + i) * inner;
        for (int j = 0; j < inner; j++) {
          y[yo + j] += x[xo + j];
        }
      }
    }
  }

  private static void sumAxis(double[] x, double[] y, int outer, int r, int inner) {
    for (int o = 0; o < outer; o++) {
      int yo = o * inner;
      for (int i = 0; i < r; i++) {
        int xo = (o * r + i) * inner;
        for (int j = 0; j < inner; j++) {
          y[yo + j] += x[xo + j];
        }
      }
    }
  }

  /** Permutes the reduced axes to the end and flattens to [kept elements, reduced elements]. */
  private static Tensor moveToEnd(Tensor x, int[] axes) {
    int[] order = endOrder(x.shape.length, axes);
    int reduced = 1;
    for (int a : axes) {
      reduced *= x.shape[a];
    }
    try (NoGrad ignored = GradMode.disable()) {
      return x.permute(order).reshape(x.numel() / Math.max(reduced, 1), reduced);
    }
  }

  private static Tensor restoreFromEnd(Tensor flat, int[] shape, int[] axes) {
    int[] order = endOrder(shape.length, axes);
    int[] permuted = new int[shape.length];
    int[] inverse = new int[shape.length];
    for (int i = 0; i < order.length; i++) {
      permuted[i] = shape[order[i]];
      inverse[order[i]] = i;
    }
    return flat.reshape(permuted).permute(inverse);
  }

  private static int[] endOrder(int rank, int[] axes) {
    int[] order = new int[rank];
    boolean[] reduced = new boolean[rank];
    for (int a : axes) {
      reduced[a] = true;
    }
    int k = 0;
    for (int i = 0; i < rank; i++) {
      if (!reduced[i]) {
        order[k++] = i;
      }
    }
    for (int a : axes) {
      order[k++] = a;
    }
    return order;
  }

  static int[] keptShape(int[] shape, int[] axes) {
    int[] out = shape.clone();
    for (int a : axes) {
      out[a] = 1;
    }
    return out;
  }

  static int[] droppedShape(int[] shape, int[] axes) {
    int[] out = new int[shape.length - axes.length];
    boolean[] reduced = new boolean[shape.length];
    for (int a : axes) {
      reduced[a] = true;
    }
    for (int i = 0, k = 0; i < shape.length; i++) {
      if (!reduced[i]) {
        out[k++] = shape[i];
      }
    }
    return out;
  }
}
