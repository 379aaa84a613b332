package dev.backprop.tensor.internal;

import dev.backprop.tensor.Tensor;

/**
 * The live storage of tensors, for optimizers (in-place updates), fused layer kernels and model
 * files. Writing into a tensor that a recorded graph still needs corrupts its gradients: callers
 * update parameters only between a backward pass and the next forward pass.
 */
public final class TensorData {
  /** Implemented by the tensor package, which alone sees the fields. */
  public interface Access {
    /** The float32 storage. */
    float[] floats(Tensor t);

    /** The float64 storage. */
    double[] doubles(Tensor t);

    /** A float32 tensor over {@code data}, not copied. */
    Tensor wrap(float[] data, int[] shape);

    /** A float64 tensor over {@code data}, not copied. */
    Tensor wrap(double[] data, int[] shape);

    /** Replaces the accumulated gradient of a leaf (null clears it). */
    void setGrad(Tensor t, Tensor grad);
  }

  private static volatile Access access;

  private TensorData() {}

  /** Called once by {@link Tensor}'s class initializer. */
  public static void install(Access a) {
    if (access != null) {
      throw new IllegalStateException("tensor access is already installed");
    }
    access = a;
  }

  private static Access access() {
    if (access == null) {
      Tensor.scalar(0);
    }
    return access;
  }

  /** The float32 storage of {@code t}, shared, in row-major order. */
  public static float[] floats(Tensor t) {
    float[] data = access().floats(t);
    if (data == null) {
      throw new IllegalArgumentException("expected a float32 tensor, got " + t.dtype());
    }
    return data;
  }

  /** The float64 storage of {@code t}, shared, in row-major order. */
  public static double[] doubles(Tensor t) {
    double[] data = access().doubles(t);
    if (data == null) {
      throw new IllegalArgumentException("expected a float64 tensor, got " + t.dtype());
    }
    return data;
  }

  /** A float32 tensor over {@code data} without copying; the caller gives up ownership. */
  public static Tensor wrap(float[] data, int... shape) {
    return access().wrap(data, shape.clone());
  }

  /** A float64 tensor over {@code data} without copying; the caller gives up ownership. */
  public static Tensor wrap(double[] data, int... shape) {
    return access().wrap(data, shape.clone());
  }

  /** Replaces the accumulated gradient of a leaf; null clears it. */
  public static void setGrad(Tensor t, Tensor grad) {
    access().setGrad(t, grad);
  }
}
