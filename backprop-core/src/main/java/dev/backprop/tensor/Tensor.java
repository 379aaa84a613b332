package dev.backprop.tensor;

import dev.backprop.tensor.internal.TensorData;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An n-dimensional array of float32 or float64 values, stored contiguously in row-major order,
 * that records the operations applied to it so that {@link #backward()} can compute gradients by
 * reverse-mode automatic differentiation.
 *
 * <p>Names follow NumPy and PyTorch: {@code add}, {@code mul}, {@code matmul}, {@code sum(axes)},
 * {@code reshape}, {@code logSoftmax(axis)}. Elementwise operations broadcast as NumPy does.
 * Tensors are immutable to users: every operation returns a new tensor.
 *
 * <pre>{@code
 * Tensor w = Tensor.randn(new SplittableRandom(1), 3, 2).toFloat64().requiresGrad();
 * Tensor x = Tensor.of(new double[] {1, 2, 3}, 1, 3);
 * Tensor loss = x.matmul(w).sigmoid().sum();
 * loss.backward();          // w.grad() now holds dLoss/dw
 * }</pre>
 */
public final class Tensor {
  static {
    TensorData.install(new TensorData.Access() {
      @Override
      public float[] floats(Tensor t) {
        return t.f;
      }

      @Override
      public double[] doubles(Tensor t) {
        return t.d;
      }

      @Override
      public Tensor wrap(float[] data, int[] shape) {
        checkLength(data.length, shape);
        return new Tensor(data, shape);
      }

      @Override
      public Tensor wrap(double[] data, int[] shape) {
        checkLength(data.length, shape);
        return new Tensor(data, shape);
      }

      @Override
      public void setGrad(Tensor t, Tensor grad) {
        t.grad = grad;
      }
    });
  }

  final DType dtype;
  final int[] shape;
  final float[] f;
  final double[] d;

  boolean requiresGrad;
  Node node;
  /** Set when backward consumed this tensor's node: its graph is gone. */
  boolean released;
  private Tensor grad;

  Tensor(float[] data, int[] shape) {
    this.dtype = DType.FLOAT32;
    this.shape = shape;
    this.f = data;
    this.d = null;
  }

  Tensor(double[] data, int[] shape) {
    this.dtype = DType.FLOAT64;
    this.shape = shape;
    this.f = null;
    this.d = data;
  }

  // ---------------------------------------------------------------- creation

  /** A float64 tensor holding a copy of {@code data} in row-major order. */
  public static Tensor of(double[] data, int... shape) {
    checkLength(data.length, shape);
    return new Tensor(data.clone(), shape.clone());
  }

  /** A float32 tensor holding a copy of {@code data} in row-major order. */
  public static Tensor of(float[] data, int... shape) {
    checkLength(data.length, shape);
    return new Tensor(data.clone(), shape.clone());
  }

  /** A float32 scalar (shape {@code []}). */
  public static Tensor scalar(double value) {
    return new Tensor(new float[] {(float) value}, new int[0]);
  }

  /** A scalar of the given dtype. */
  public static Tensor scalar(DType dtype, double value) {
    return full(dtype, value);
  }

  /** A float32 tensor of zeros. */
  public static Tensor zeros(int... shape) {
    return zeros(DType.FLOAT32, shape);
  }

  /** A tensor of zeros of the given dtype. */
  public static Tensor zeros(DType dtype, int... shape) {
    return empty(dtype, shape.clone());
  }

  /** A float32 tensor of ones. */
  public static Tensor ones(int... shape) {
    return full(DType.FLOAT32, 1, shape);
  }

  /** A tensor of ones of the given dtype. */
  public static Tensor ones(DType dtype, int... shape) {
    return full(dtype, 1, shape);
  }

  /** A float32 tensor with every element equal to {@code value}. */
  public static Tensor full(double value, int... shape) {
    return full(DType.FLOAT32, value, shape);
  }

  /** A tensor of the given dtype with every element equal to {@code value}. */
  public static Tensor full(DType dtype, double value, int... shape) {
    Tensor t = empty(dtype, shape.clone());
    if (t.f != null) {
      Arrays.fill(t.f, (float) value);
    } else {
      Arrays.fill(t.d, value);
    }
    return t;
  }

  /** float32 values {@code start, start+step, ...} below {@code end}, as a 1-D tensor. */
  public static Tensor arange(double start, double end, double step) {
    if (step == 0 || !Double.isFinite(start) || !Double.isFinite(end) || !Double.isFinite(step)) {
      throw new IllegalArgumentException(
          "arange: need finite start, end and a non-zero step, got " + start + ", " + end + ", "
              + step);
    }
    int n = (int) Math.max(0, Math.ceil((end - start) / step));
    float[] data = new float[n];
    for (int i = 0; i < n; i++) {
      data[i] = (float) (start + i * step);
    }
    return new Tensor(data, new int[] {n});
  }

  /** float32 values {@code 0, 1, ..., n-1}. */
  public static Tensor arange(int n) {
    return arange(0, n, 1);
  }

  /** float32 values drawn uniformly from [0, 1) with the given generator. */
  public static Tensor rand(RandomGenerator rng, int... shape) {
    float[] data = new float[Shapes.size(shape)];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) rng.nextDouble();
    }
    return new Tensor(data, shape.clone());
  }

  /** float32 values drawn from the standard normal distribution with the given generator. */
  public static Tensor randn(RandomGenerator rng, int... shape) {
    float[] data = new float[Shapes.size(shape)];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) rng.nextGaussian();
    }
    return new Tensor(data, shape.clone());
  }

  static Tensor empty(DType dtype, int[] shape) {
    int n = Shapes.size(shape);
    return dtype == DType.FLOAT32 ? new Tensor(new float[n], shape) : new Tensor(new double[n], shape);
  }

  private static void checkLength(int length, int[] shape) {
    int n = Shapes.size(shape);
    if (n != length) {
      throw new IllegalArgumentException(
          "of: " + length + " values cannot fill shape " + Shapes.str(shape) + " (" + n
              + " elements)");
    }
  }

  // ---------------------------------------------------------------- facts and data

  /** The dimensions, outermost first; a copy. */
  public int[] shape() {
    return shape.clone();
  }

  /** The size of one axis (negative counts from the end). */
  public int size(int axis) {
    return shape[Shapes.axis("size", axis, shape.length)];
  }

  /** The number of axes. */
  public int rank() {
    return shape.length;
  }

  /** The number of elements. */
  public int numel() {
    return f != null ? f.length : d.length;
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  /** The value of a one-element tensor. */
  public double item() {
    if (numel() != 1) {
      throw new IllegalStateException(
          "item: tensor of shape " + Shapes.str(shape) + " has " + numel() + " elements, not 1");
    }
    return get(0);
  }

  /** The elements in row-major order, as doubles; a copy. */
  public double[] toDoubleArray() {
    if (d != null) {
      return d.clone();
    }
    double[] out = new double[f.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f[i];
    }
    return out;
  }

  /** The elements in row-major order, as floats (rounded from float64); a copy. */
  public float[] toFloatArray() {
    if (f != null) {
      return f.clone();
    }
    float[] out = new float[d.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) d[i];
    }
    return out;
  }

  /** This tensor as float32 (itself if it already is); differentiable. */
  public Tensor toFloat32() {
    return dtype == DType.FLOAT32 ? this : Conversions.convert(this, DType.FLOAT32);
  }

  /** This tensor as float64 (itself if it already is); differentiable. */
  public Tensor toFloat64() {
    return dtype == DType.FLOAT64 ? this : Conversions.convert(this, DType.FLOAT64);
  }

  double get(int i) {
    return f != null ? f[i] : d[i];
  }

  void set(int i, double v) {
    if (f != null) {
      f[i] = (float) v;
    } else {
      d[i] = v;
    }
  }

  // ---------------------------------------------------------------- autograd

  /**
   * Marks this leaf as a parameter whose gradient {@link #backward()} should fill, and returns it.
   *
   * @throws IllegalStateException if this tensor is the result of a recorded operation
   */
  public Tensor requiresGrad() {
    if (node != null) {
      throw new IllegalStateException(
          "requiresGrad: only leaf tensors can be marked; this one is the output of '" + node.op
              + "' (use detach() to make a leaf)");
    }
    requiresGrad = true;
    return this;
  }

  /** Whether gradients flow to or through this tensor. */
  public boolean isGradRequired() {
    return requiresGrad;
  }

  /** The accumulated gradient dL/d(this) of a leaf, or null before any backward pass. */
  public Tensor grad() {
    return grad;
  }

  /** Sets the accumulated gradient to zero (kept allocated, so training loops reuse it). */
  public void zeroGrad() {
    if (grad != null) {
      grad.fill(0);
    }
  }

  /**
   * Computes the gradient of this scalar with respect to every leaf that requires one, adding it
   * to the leaf's {@link #grad()}. The recorded graph is released.
   */
  public void backward() {
    if (numel() != 1) {
      throw new IllegalStateException(
          "backward: the output has shape " + Shapes.str(shape)
              + "; a non-scalar needs a seed gradient: backward(seed)");
    }
    backward(full(dtype, 1, shape.clone()));
  }

  /** Backpropagates the gradient {@code seed} = dL/d(this) through the recorded graph. */
  public void backward(Tensor seed) {
    if (!requiresGrad) {
      throw new IllegalStateException(
          "backward: this tensor does not require a gradient: no input was marked with"
              + " requiresGrad(), or it was computed under noGrad()");
    }
    if (!Arrays.equals(seed.shape, shape) || seed.dtype != dtype) {
      throw new IllegalArgumentException(
          "backward: seed gradient " + seed.dtype + Shapes.str(seed.shape) + " does not match "
              + dtype + Shapes.str(shape));
    }
    Autograd.backward(this, seed);
  }

  void accumulateGrad(Tensor g) {
    if (grad == null) {
      grad = g.f != null ? new Tensor(g.f.clone(), shape.clone()) : new Tensor(g.d.clone(), shape.clone());
    } else {
      ElementwiseBinary.addInto(grad, g);
    }
  }

  /** A leaf sharing no graph with this tensor: gradients stop here. */
  public Tensor detach() {
    return f != null ? new Tensor(f, shape) : new Tensor(d, shape);
  }

  /**
   * Opens a scope in which nothing is recorded:
   * {@code try (NoGrad g = Tensor.noGrad()) { model.forward(x); }}.
   */
  public static NoGrad noGrad() {
    return GradMode.disable();
  }

  void fill(double v) {
    if (f != null) {
      Arrays.fill(f, (float) v);
    } else {
      Arrays.fill(d, v);
    }
  }

  // ---------------------------------------------------------------- elementwise

  /** Elementwise {@code this + other}, broadcasting. */
  public Tensor add(Tensor other) {
    return ElementwiseBinary.add(this, other);
  }

  /** Elementwise {@code this + c}. */
  public Tensor add(double c) {
    return ElementwiseUnary.addScalar(this, c);
  }

  /** Elementwise {@code this - other}, broadcasting. */
  public Tensor sub(Tensor other) {
    return ElementwiseBinary.sub(this, other);
  }

  /** Elementwise {@code this - c}. */
  public Tensor sub(double c) {
    return ElementwiseUnary.addScalar(this, -c);
  }

  /** Elementwise {@code this * other}, broadcasting. */
  public Tensor mul(Tensor other) {
    return ElementwiseBinary.mul(this, other);
  }

  /** Elementwise {@code this * c}. */
  public Tensor mul(double c) {
    return ElementwiseUnary.mulScalar(this, c);
  }

  /** Elementwise {@code this / other}, broadcasting. */
  public Tensor div(Tensor other) {
    return ElementwiseBinary.div(this, other);
  }

  /** Elementwise {@code this / c}. */
  public Tensor div(double c) {
    return ElementwiseUnary.divScalar(this, c);
  }

  /** Elementwise {@code this ^ other}, broadcasting; the base must be positive where the exponent's gradient is needed. */
  public Tensor pow(Tensor exponent) {
    return ElementwiseBinary.pow(this, exponent);
  }

  /** Elementwise {@code this ^ p}. */
  public Tensor pow(double p) {
    return ElementwiseUnary.pow(this, p);
  }

  /** Elementwise {@code max(this, other)}, broadcasting. */
  public Tensor maximum(Tensor other) {
    return ElementwiseBinary.maximum(this, other);
  }

  /** Elementwise {@code -this}. */
  public Tensor neg() {
    return ElementwiseUnary.neg(this);
  }

  /** Elementwise e^x. */
  public Tensor exp() {
    return ElementwiseUnary.exp(this);
  }

  /** Elementwise natural logarithm. */
  public Tensor log() {
    return ElementwiseUnary.log(this);
  }

  /** Elementwise square root. */
  public Tensor sqrt() {
    return ElementwiseUnary.sqrt(this);
  }

  /** Elementwise absolute value. */
  public Tensor abs() {
    return ElementwiseUnary.abs(this);
  }

  /** Elementwise hyperbolic tangent. */
  public Tensor tanh() {
    return ElementwiseUnary.tanh(this);
  }

  /** Elementwise logistic sigmoid σ(x) = 1 / (1 + e^−x). */
  public Tensor sigmoid() {
    return ElementwiseUnary.sigmoid(this);
  }

  /** Elementwise max(x, 0). */
  public Tensor relu() {
    return ElementwiseUnary.relu(this);
  }

  /** Elementwise x for x &gt; 0, αx otherwise. */
  public Tensor leakyRelu(double alpha) {
    return ElementwiseUnary.leakyRelu(this, alpha);
  }

  /** Elementwise x for x &gt; 0, α(e^x − 1) otherwise. */
  public Tensor elu(double alpha) {
    return ElementwiseUnary.elu(this, alpha);
  }

  /** Elementwise GELU, tanh form: ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
  public Tensor gelu() {
    return ElementwiseUnary.gelu(this);
  }

  /** Elementwise softplus ln(1 + e^x), computed stably. */
  public Tensor softplus() {
    return ElementwiseUnary.softplus(this);
  }

  /** Elementwise clamp to [min, max]. */
  public Tensor clamp(double min, double max) {
    return ElementwiseUnary.clamp(this, min, max);
  }

  // ---------------------------------------------------------------- reductions

  /** Sum of all elements, as a scalar. */
  public Tensor sum() {
    return Reductions.sum(this, Shapes.axes("sum", new int[0], shape.length), false);
  }

  /** Sum over the given axes; {@code keepDims} keeps them with size 1. */
  public Tensor sum(int[] axes, boolean keepDims) {
    return Reductions.sum(this, Shapes.axes("sum", axes, shape.length), keepDims);
  }

  /** Sum over one axis, dropping it. */
  public Tensor sum(int axis) {
    return sum(new int[] {axis}, false);
  }

  /** Mean of all elements, as a scalar. */
  public Tensor mean() {
    return Reductions.mean(this, Shapes.axes("mean", new int[0], shape.length), false);
  }

  /** Mean over the given axes; {@code keepDims} keeps them with size 1. */
  public Tensor mean(int[] axes, boolean keepDims) {
    return Reductions.mean(this, Shapes.axes("mean", axes, shape.length), keepDims);
  }

  /** Mean over one axis, dropping it. */
  public Tensor mean(int axis) {
    return mean(new int[] {axis}, false);
  }

  /** Maximum of all elements, as a scalar; the gradient flows to the first maximal element. */
  public Tensor max() {
    return Reductions.max(this, Shapes.axes("max", new int[0], shape.length), false);
  }

  /** Maximum over the given axes; the gradient flows to the first maximal element of each. */
  public Tensor max(int[] axes, boolean keepDims) {
    return Reductions.max(this, Shapes.axes("max", axes, shape.length), keepDims);
  }

  /** Maximum over one axis, dropping it. */
  public Tensor max(int axis) {
    return max(new int[] {axis}, false);
  }

  /** Row-major index of the first maximal element. */
  public int argmax() {
    return Reductions.argmaxFlat(this);
  }

  /**
   * Index of the first maximal element along {@code axis}, as a tensor of this dtype (exact up to
   * 2^24 in float32); not differentiable.
   */
  public Tensor argmax(int axis, boolean keepDims) {
    return Reductions.argmax(this, Shapes.axis("argmax", axis, shape.length), keepDims);
  }

  /** Index of the first maximal element of each row of a matrix: the predicted classes. */
  public int[] argmaxRows() {
    return Reductions.argmaxRows(this);
  }

  // ---------------------------------------------------------------- shapes

  /** The same elements in a new shape; one dimension may be −1 to be inferred. */
  public Tensor reshape(int... newShape) {
    return ShapeOps.reshape(this, newShape);
  }

  /** The transpose of a matrix. */
  public Tensor transpose() {
    if (shape.length != 2) {
      throw new IllegalArgumentException(
          "transpose: needs a matrix, got shape " + Shapes.str(shape) + "; use permute(...)");
    }
    return ShapeOps.permute(this, 1, 0);
  }

  /** Swaps two axes. */
  public Tensor transpose(int axis0, int axis1) {
    int[] order = new int[shape.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    int a = Shapes.axis("transpose", axis0, shape.length);
    int b = Shapes.axis("transpose", axis1, shape.length);
    order[a] = b;
    order[b] = a;
    return ShapeOps.permute(this, order);
  }

  /** Reorders the axes: output axis i is input axis {@code order[i]}. */
  public Tensor permute(int... order) {
    return ShapeOps.permute(this, order);
  }

  /** Broadcasts to a larger shape (NumPy rules); the backward pass sums over the new axes. */
  public Tensor expand(int... newShape) {
    return ShapeOps.expand(this, newShape.clone());
  }

  /** Sums over broadcast axes to reach {@code target}: the inverse of {@link #expand}. */
  public Tensor sumTo(int... target) {
    return ShapeOps.sumTo(this, target.clone());
  }

  /** Rows {@code [start, end)} along the first axis. */
  public Tensor slice(int start, int end) {
    return ShapeOps.slice(this, start, end);
  }

  /** Joins tensors along an axis; all other dimensions must match. */
  public static Tensor concat(int axis, Tensor... tensors) {
    return ShapeOps.concat(axis, tensors);
  }

  // ---------------------------------------------------------------- linear algebra and losses

  /**
   * Matrix product: [m, k] x [k, n], batched [b, m, k] x [b, k, n], or [b, m, k] x [k, n] (the
   * matrix is shared by every batch).
   */
  public Tensor matmul(Tensor other) {
    return MatMul.matmul(this, other);
  }

  /**
   * The affine map of a dense layer, z = x·Wᵀ + b, as PyTorch's {@code linear}: x is [batch, in],
   * W is [out, in], b is [out] or null. Fused: no transpose is materialized.
   */
  public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
    return MatMul.linear(x, weight, bias);
  }

  /** Softmax along an axis: e^x / Σ e^x, computed with the maximum subtracted. */
  public Tensor softmax(int axis) {
    return Softmax.softmax(this, Shapes.axis("softmax", axis, shape.length));
  }

  /** Log-softmax along an axis: x − max − ln Σ e^(x − max). */
  public Tensor logSoftmax(int axis) {
    return Softmax.logSoftmax(this, Shapes.axis("logSoftmax", axis, shape.length));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Tensor(").append(dtype).append(Shapes.str(shape));
    int n = Math.min(numel(), 8);
    sb.append(" [");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ").append(f != null ? Float.toString(f[i]) : Double.toString(d[i]));
    }
    sb.append(numel() > n ? ", ...])" : "])");
    return sb.toString();
  }
}
