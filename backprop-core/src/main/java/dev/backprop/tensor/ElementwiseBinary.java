package dev.backprop.tensor;

import java.util.Arrays;

/**
 * Elementwise functions of two tensors with NumPy broadcasting. Both operands are first expanded
 * to the common shape by {@link ShapeOps#expand}, whose backward rule sums the gradient back to the
 * operand's shape, so the rules below only ever see equal shapes.
 */
final class ElementwiseBinary {
  private ElementwiseBinary() {}

  private enum Op { ADD, SUB, MUL, DIV, MAX, POW }

  /** d/da (a + b) = 1, d/db = 1. */
  static Tensor add(Tensor a, Tensor b) {
    return apply("add", Op.ADD, a, b, (x, y, out) -> g -> new Tensor[] {g, g});
  }

  /** d/da (a − b) = 1, d/db = −1. */
  static Tensor sub(Tensor a, Tensor b) {
    return apply("sub", Op.SUB, a, b, (x, y, out) -> g -> new Tensor[] {g, g.neg()});
  }

  /** d/da (a·b) = b, d/db = a. */
  static Tensor mul(Tensor a, Tensor b) {
    return apply("mul", Op.MUL, a, b, (x, y, out) -> g -> new Tensor[] {g.mul(y), g.mul(x)});
  }

  /** d/da (a / b) = 1 / b, d/db = −a / b². */
  static Tensor div(Tensor a, Tensor b) {
    return apply("div", Op.DIV, a, b, (x, y, out) -> g -> new Tensor[] {g.div(y), g.mul(out).div(y).neg()});
  }

  /** d/da max(a, b) = [a ≥ b], d/db = [a &lt; b]. NOTE: ties send the whole gradient to a. */
  static Tensor maximum(Tensor a, Tensor b) {
    return apply("maximum", Op.MAX, a, b, (x, y, out) -> g -> {
      Tensor mask = UnaryKernel.map2(binary(Op.SUB, x, y), UnaryKernel.Fn.INSIDE, 0, Double.POSITIVE_INFINITY);
      return new Tensor[] {g.mul(mask), g.mul(mask.neg().add(1))};
    });
  }

  /** d/da a^b = b·a^(b−1), d/db = a^b·ln a. */
  static Tensor pow(Tensor a, Tensor b) {
    return apply("pow", Op.POW, a, b, (x, y, out) -> g -> new Tensor[] {
        g.mul(y).mul(x.pow(y.sub(1))), b.requiresGrad ? g.mul(out).mul(x.log()) : null});
  }

  @FunctionalInterface
  private interface Rule {
    Node.Backward backward(Tensor a, Tensor b, Tensor out);
  }

  private static Tensor apply(String name, Op op, Tensor a, Tensor b, Rule rule) {
    if (a.dtype != b.dtype) {
      throw new IllegalArgumentException(
          name + ": dtypes " + a.dtype + " and " + b.dtype
              + " differ; convert one with toFloat32() or toFloat64()");
    }
    if (!Arrays.equals(a.shape, b.shape)) {
      int[] common = Shapes.broadcast(name, a.shape, b.shape);
      a = ShapeOps.expand(a, common);
      b = ShapeOps.expand(b, common);
    }
    Tensor out = binary(op, a, b);
    return Node.record(out, name, rule.backward(a, b, out), a, b);
  }

  private static Tensor binary(Op op, Tensor a, Tensor b) {
    Tensor out = Tensor.empty(a.dtype, a.shape.clone());
    if (a.f != null) {
      loop(op, a.f, b.f, out.f);
    } else {
      loop(op, a.d, b.d, out.d);
    }
    return out;
  }

  private static void loop(Op op, float[] a, float[] b, float[] c) {
    int n = c.length;
    switch (op) {
      case ADD -> { for (int i = 0; i < n; i++) c[i] = a[i] + b[i]; }
      case SUB -> { for (int i = 0; i < n; i++) c[i] = a[i] - b[i]; }
      case MUL -> { for (int i = 0; i < n; i++) c[i] = a[i] * b[i]; }
      case DIV -> { for (int i = 0; i < n; i++) c[i] = a[i] / b[i]; }
      case MAX -> { for (int i = 0; i < n; i++) c[i] = Math.max(a[i], b[i]); }
      case POW -> { for (int i = 0; i < n; i++) c[i] = (float) Math.pow(a[i], b[i]); }
    }
  }

  private static void loop(Op op, double[] a, double[] b, double[] c) {
    int n = c.length;
    switch (op) {
      case ADD -> { for (int i = 0; i < n; i++) c[i] = a[i] + b[i]; }
      case SUB -> { for (int i = 0; i < n; i++) c[i] = a[i] - b[i]; }
      case MUL -> { for (int i = 0; i < n; i++) c[i] = a[i] * b[i]; }
      case DIV -> { for (int i = 0; i < n; i++) c[i] = a[i] / b[i]; }
      case MAX -> { for (int i = 0; i < n; i++) c[i] = Math.max(a[i], b[i]); }
      case POW -> { for (int i = 0; i < n; i++) c[i] = Math.pow(a[i], b[i]); }
    }
  }

  /** {@code a + b} with equal shapes, never recorded: for summing gradients. */
  static Tensor plain(Tensor a, Tensor b) {
    return binary(Op.ADD, a, b);
  }

  /** {@code acc += g} in place, for a leaf's own gradient buffer; returns acc. */
  static Tensor addInto(Tensor acc, Tensor g) {
    if (acc.f != null) {
      loop(Op.ADD, acc.f, g.f, acc.f);
    } else {
      loop(Op.ADD, acc.d, g.d, acc.d);
    }
    return acc;
  }
}
