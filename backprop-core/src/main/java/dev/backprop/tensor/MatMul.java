package dev.backprop.tensor;

import dev.backprop.kernels.Gemm;

/**
 * Matrix products. For C = A·B the backward rules are dA = dC·Bᵀ and dB = Aᵀ·dC; the kernel's
 * transpose flags compute them without materializing a transpose.
 */
final class MatMul {
  private MatMul() {}

  static Tensor matmul(Tensor a, Tensor b) {
    if (a.dtype != b.dtype) {
      throw new IllegalArgumentException(
          "matmul: dtypes " + a.dtype + " and " + b.dtype + " differ; convert one with toFloat32() or toFloat64()");
    }
    int ra = a.shape.length;
    int rb = b.shape.length;
    if (ra == 2 && rb == 2 || ra == 3 && rb == 2) {
      // A batch of rows against one matrix is one big product: [b·m, k] x [k, n].
      int rows = ra == 2 ? a.shape[0] : a.shape[0] * a.shape[1];
      int k = a.shape[ra - 1];
      checkInner(a, b, k, b.shape[0]);
      int n = b.shape[1];
      int[] outShape = ra == 2 ? new int[] {rows, n} : new int[] {a.shape[0], a.shape[1], n};
      Tensor c = Tensor.empty(a.dtype, outShape);
      gemm(false, false, rows, n, k, a, 0, b, 0, c, 0, false);
      return Node.record(c, "matmul", g -> new Tensor[] {
          a.requiresGrad ? product(g, b, false, true, rows, k, n, a.shape) : null,
          b.requiresGrad ? product(a, g, true, false, k, n, rows, b.shape) : null}, a, b);
    }
    if (ra == 3 && rb == 3) {
      return batched(a, b);
    }
    throw new IllegalArgumentException(
        "matmul: " + Shapes.str(a.shape) + " x " + Shapes.str(b.shape)
            + ": supports [m, k] x [k, n], [b, m, k] x [b, k, n] and [b, m, k] x [k, n]");
  }

  /**
   * The dense layer z = x·Wᵀ + b with W stored [out, in], fused so no transpose is materialized.
   * Backward: dx = dz·W, dW = dzᵀ·x, db = Σ_rows dz.
   */
  static Tensor linear(Tensor x, Tensor w, Tensor bias) {
    if (x.dtype != w.dtype || (bias != null && bias.dtype != x.dtype)) {
      throw new IllegalArgumentException("linear: input, weight and bias must share a dtype");
    }
    if (x.shape.length != 2 || w.shape.length != 2) {
      throw new IllegalArgumentException(
          "linear: needs input [batch, in] and weight [out, in], got " + Shapes.str(x.shape) + " and " + Shapes.str(w.shape));
    }
    int rows = x.shape[0];
    int in = x.shape[1];
    int out = w.shape[0];
    if (w.shape[1] != in) {
      throw new IllegalArgumentException(
          "linear: input " + Shapes.str(x.shape) + " x weight " + Shapes.str(w.shape) + "ᵀ: inner dimensions " + in + " and " + w.shape[1] + " differ");
    }
    if (bias != null && (bias.shape.length != 1 || bias.shape[0] != out)) {
      throw new IllegalArgumentException("linear: bias " + Shapes.str(bias.shape) + " does not match " + out + " outputs");
    }
    Tensor z = Tensor.empty(x.dtype, new int[] {rows, out});
    if (bias != null) {
      for (int r = 0; r < rows; r++) {
        ShapeOps.copy(bias, 0, z, r * out, out);
      }
    }
    gemm(false, true, rows, out, in, x, 0, w, 0, z, 0, bias != null);
    Tensor[] inputs = bias == null ? new Tensor[] {x, w} : new Tensor[] {x, w, bias};
    return Node.record(z, "linear", g -> new Tensor[] {
        x.requiresGrad ? product(g, w, false, false, rows, in, out, x.shape) : null,
        w.requiresGrad ? product(g, x, true, false, out, in, rows, w.shape) : null,
        bias != null && bias.requiresGrad ? g.sum(0) : null}, inputs);
  }

  private static Tensor batched(Tensor a, Tensor b) {
    int batch = a.shape[0];
    int m = a.shape[1];
    int k = a.shape[2];
    checkInner(a, b, k, b.shape[1]);
    if (b.shape[0] != batch) {
      throw new IllegalArgumentException(
          "matmul: " + Shapes.str(a.shape) + " x " + Shapes.str(b.shape) + ": batch sizes "
              + batch + " and " + b.shape[0] + " differ");
    }
    int n = b.shape[2];
    Tensor c = Tensor.empty(a.dtype, new int[] {batch, m, n});
    for (int i = 0; i < batch; i++) {
      gemm(false, false, m, n, k, a, i * m * k, b, i * k * n, c, i * m * n, false);
    }
    return Node.record(c, "matmul", g -> {
      Tensor da = a.requiresGrad ? Tensor.empty(a.dtype, a.shape.clone()) : null;
      Tensor db = b.requiresGrad ? Tensor.empty(b.dtype, b.shape.clone()) : null;
      for (int i = 0; i < batch; i++) {
        if (da != null) {
          gemm(false, true, m, k, n, g, i * m * n, b, i * k * n, da, i * m * k, false);
        }
        if (db != null) {
          gemm(true, false, k, n, m, a, i * m * k, g, i * m * n, db, i * k * n, false);
        }
      }
      return new Tensor[] {da, db};
    }, a, b);
  }

  private static void checkInner(Tensor a, Tensor b, int ka, int kb) {
    if (ka != kb) {
      throw new IllegalArgumentException(
          "matmul: " + Shapes.str(a.shape) + " x " + Shapes.str(b.shape) + ": inner dimensions "
              + ka + " and " + kb + " differ");
    }
  }

  /** op(x)·op(y) as a new tensor of the given shape. */
  private static Tensor product(Tensor x, Tensor y, boolean tx, boolean ty, int m, int n, int k, int[] shape) {
    Tensor c = Tensor.empty(x.dtype, shape.clone());
    gemm(tx, ty, m, n, k, x, 0, y, 0, c, 0, false);
    return c;
  }

  private static void gemm(boolean ta, boolean tb, int m, int n, int k, Tensor a, int offA, Tensor b, int offB, Tensor c, int offC, boolean acc) {
    if (a.f != null) {
      Gemm.gemm(ta, tb, m, n, k, a.f, offA, b.f, offB, c.f, offC, acc);
    } else {
      Gemm.gemm(ta, tb, m, n, k, a.d, offA, b.d, offB, c.d, offC, acc);
    }
  }
}
