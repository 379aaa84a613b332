package dev.backprop.tensor;

import java.util.Arrays;

/**
 * Operations that move elements without changing them: reshape, permute, expand and its inverse
 * sumTo, slicing and concatenation. Every result is contiguous; each backward rule moves the
 * gradient back the way the elements came.
 */
final class ShapeOps {
  private ShapeOps() {}

  /** Backward: reshape the gradient to the input's shape. */
  static Tensor reshape(Tensor x, int[] newShape) {
    int[] target = inferShape(x, newShape);
    Tensor y = x.f != null ? new Tensor(x.f, target) : new Tensor(x.d, target);
    return Node.record(y, "reshape", g -> new Tensor[] {g.reshape(x.shape)}, x);
  }

  private static int[] inferShape(Tensor x, int[] newShape) {
    int[] target = newShape.clone();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < target.length; i++) {
      if (target[i] == -1 && unknown < 0) {
        unknown = i;
      } else if (target[i] < 0) {
        throw new IllegalArgumentException("reshape: invalid shape " + Shapes.str(newShape));
      } else {
        known *= target[i];
      }
    }
    if (unknown >= 0 && known > 0 && x.numel() % known == 0) {
      target[unknown] = (int) (x.numel() / known);
    }
    if (Arrays.stream(target).anyMatch(v -> v < 0) || Shapes.size(target) != x.numel()) {
      throw new IllegalArgumentException(
          "reshape: cannot reshape " + Shapes.str(x.shape) + " (" + x.numel() + " elements) to "
              + Shapes.str(newShape));
    }
    return target;
  }

  /** Backward: permute the gradient by the inverse order. */
  static Tensor permute(Tensor x, int... order) {
    int rank = x.shape.length;
    if (order.length != rank) {
      throw new IllegalArgumentException(
          "permute: order " + Arrays.toString(order) + " does not list the " + rank + " axes of "
              + Shapes.str(x.shape));
    }
    int[] inverse = new int[rank];
    Arrays.fill(inverse, -1);
    int[] outShape = new int[rank];
    for (int i = 0; i < rank; i++) {
      int a = Shapes.axis("permute", order[i], rank);
      if (inverse[a] >= 0) {
        throw new IllegalArgumentException("permute: axis " + order[i] + " appears twice in " + Arrays.toString(order));
      }
      inverse[a] = i;
      outShape[i] = x.shape[a];
    }
    int[] inStrides = Shapes.strides(x.shape);
    int[] srcStrides = new int[rank];
    for (int i = 0; i < rank; i++) {
      srcStrides[i] = inStrides[Shapes.axis("permute", order[i], rank)];
    }
    Tensor y = gather(x, outShape, srcStrides);
    return Node.record(y, "permute", g -> new Tensor[] {permute(g, inverse)}, x);
  }

  /** Backward: sum the gradient over the broadcast axes, {@link #sumTo}. */
  static Tensor expand(Tensor x, int[] shape) {
    if (Arrays.equals(x.shape, shape)) {
      return x;
    }
    int[] common = Shapes.broadcast("expand", x.shape, shape);
    if (!Arrays.equals(common, shape)) {
      throw new IllegalArgumentException(
          "expand: cannot expand " + Shapes.str(x.shape) + " to " + Shapes.str(shape));
    }
    int offset = shape.length - x.shape.length;
    int[] inStrides = Shapes.strides(x.shape);
    int[] srcStrides = new int[shape.length];
    for (int i = offset; i < shape.length; i++) {
      srcStrides[i] = x.shape[i - offset] == 1 ? 0 : inStrides[i - offset];
    }
    Tensor y = gather(x, shape.clone(), srcStrides);
    return Node.record(y, "expand", g -> new Tensor[] {sumTo(g, x.shape)}, x);
  }

  /** Backward: expand the gradient back to the input's shape. */
  static Tensor sumTo(Tensor x, int[] target) {
    if (Arrays.equals(x.shape, target)) {
      return x;
    }
    int[] common = Shapes.broadcast("sumTo", x.shape, target);
    if (!Arrays.equals(common, x.shape)) {
      throw new IllegalArgumentException(
          "sumTo: " + Shapes.str(x.shape) + " cannot be summed to " + Shapes.str(target));
    }
    int offset = x.shape.length - target.length;
    int[] axes = java.util.stream.IntStream.range(0, x.shape.length)
        .filter(i -> i < offset || (target[i - offset] == 1 && x.shape[i] != 1))
        .toArray();
    return Reductions.sum(x, axes, true).reshape(target);
  }

  /** Backward: the gradient goes to rows [start, end) of a zero tensor. */
  static Tensor slice(Tensor x, int start, int end) {
    if (x.shape.length == 0 || start < 0 || end > x.shape[0] || start > end) {
      throw new IllegalArgumentException(
          "slice: rows [" + start + ", " + end + ") are out of range for shape " + Shapes.str(x.shape));
    }
    int row = Shapes.prod(x.shape, 1, x.shape.length);
    int[] shape = x.shape.clone();
    shape[0] = end - start;
    Tensor y = Tensor.empty(x.dtype, shape);
    copy(x, start * row, y, 0, (end - start) * row);
    return Node.record(y, "slice", g -> {
      Tensor dx = Tensor.empty(x.dtype, x.shape.clone());
      copy(g, 0, dx, start * row, g.numel());
      return new Tensor[] {dx};
    }, x);
  }

  /** Backward: each input receives its own block of the gradient. */
  static Tensor concat(int axis, Tensor... xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("concat: needs at least one tensor");
    }
    Tensor first = xs[0];
    int a = Shapes.axis("concat", axis, first.shape.length);
    int[] shape = first.shape.clone();
    shape[a] = 0;
    for (Tensor x : xs) {
      boolean same = x.shape.length == first.shape.length && x.dtype == first.dtype;
      for (int i = 0; same && i < shape.length; i++) {
        same = i == a || x.shape[i] == first.shape[i];
      }
      if (!same) {
        throw new IllegalArgumentException(
            "concat: " + x.dtype + Shapes.str(x.shape) + " does not match " + first.dtype
                + Shapes.str(first.shape) + " outside axis " + a);
      }
      shape[a] += x.shape[a];
    }
    int outer = Shapes.prod(shape, 0, a);
    int inner = Shapes.prod(shape, a + 1, shape.length);
    Tensor y = Tensor.empty(first.dtype, shape);
    int[] starts = new int[xs.length];
    for (int k = 0, at = 0; k < xs.length; at += xs[k].shape[a], k++) {
      starts[k] = at;
      copyBlocks(xs[k], y, outer, xs[k].shape[a] * inner, shape[a] * inner, at * inner, true);
    }
    return Node.record(y, "concat", g -> {
      Tensor[] grads = new Tensor[xs.length];
      for (int k = 0; k < xs.length; k++) {
        grads[k] = Tensor.empty(g.dtype, xs[k].shape.clone());
        copyBlocks(grads[k], g, outer, xs[k].shape[a] * inner, shape[a] * inner, starts[k] * inner, false);
      }
      return grads;
    }, xs);
  }

  /** Copies {@code outer} blocks between a part and the whole, in either direction. */
  private static void copyBlocks(Tensor part, Tensor whole, int outer, int block, int wholeRow, int offset, boolean intoWhole) {
    for (int o = 0; o < outer; o++) {
      if (intoWhole) {
        copy(part, o * block, whole, o * wholeRow + offset, block);
      } else {
        copy(whole, o * wholeRow + offset, part, o * block, block);
      }
    }
  }

  static Tensor copyOf(Tensor x) {
    return x.f != null ? new Tensor(x.f.clone(), x.shape.clone()) : new Tensor(x.d.clone(), x.shape.clone());
  }

  static void copy(Tensor src, int srcPos, Tensor dst, int dstPos, int length) {
    if (src.f != null) {
      System.arraycopy(src.f, srcPos, dst.f, dstPos, length);
    } else {
      System.arraycopy(src.d, srcPos, dst.d, dstPos, length);
    }
  }

  /** out[i...] = x[Σ i_k · srcStrides_k]: an odometer over the output's multi-index. */
  private static Tensor gather(Tensor x, int[] outShape, int[] srcStrides) {
    Tensor y = Tensor.empty(x.dtype, outShape);
    int rank = outShape.length;
    int n = y.numel();
    if (n == 0) {
      return y;
    }
    int[] index = new int[rank];
    int src = 0;
    for (int i = 0; i < n; i++) {
      if (y.f != null) {
        y.f[i] = x.f[src];
      } else {
        y.d[i] = x.d[src];
      }
      for (int k = rank - 1; k >= 0; k--) {
        index[k]++;
        src += srcStrides[k];
        if (index[k] < outShape[k]) {
          break;
        }
        src -= srcStrides[k] * outShape[k];
        index[k] = 0;
      }
    }
    return y;
  }
}
