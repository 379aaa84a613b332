package dev.backprop.optim;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.Collection;

/**
 * Gradient clipping between the backward pass and the optimizer step, as PyTorch's {@code
 * clip_grad_norm_} and {@code clip_grad_value_}. Parameters without a gradient are skipped.
 * Both work in place.
 */
public final class GradClip {
  /** Added to the norm before dividing, as PyTorch does, so a zero norm never divides. */
  private static final double NORM_EPS = 1e-6;

  private GradClip() {}

  /**
   * The global L2 norm ‖g‖ = √(Σ over all gradients of g²), accumulated in double precision for
   * both dtypes (exact enough that float32 gradients never overflow). Float64 gradients whose
   * squares overflow are rescaled by their largest magnitude, so a finite gradient has a finite
   * norm.
   */
  public static double gradNorm(Collection<Tensor> parameters) {
    double sum = 0;
    double max = 0;
    for (Tensor p : parameters) {
      Tensor g = p.grad();
      if (g == null) {
        continue;
      }
      if (g.dtype() == DType.FLOAT32) {
        for (float v : TensorData.floats(g)) {
          sum += (double) v * v;
        }
      } else {
        for (double v : TensorData.doubles(g)) {
          sum += v * v;
          max = Math.max(max, Math.abs(v));
        }
      }
    }
    if (sum == Double.POSITIVE_INFINITY && max < Double.POSITIVE_INFINITY) {
      return scaledNorm(parameters, max);
    }
    return Math.sqrt(sum);
  }

  private static double scaledNorm(Collection<Tensor> parameters, double scale) {
    double sum = 0;
    for (Tensor p : parameters) {
      Tensor g = p.grad();
      if (g == null) {
        continue;
      }
      if (g.dtype() == DType.FLOAT32) {
        for (float v : TensorData.floats(g)) {
          sum += (v / scale) * (v / scale);
        }
      } else {
        for (double v : TensorData.doubles(g)) {
          sum += (v / scale) * (v / scale);
        }
      }
    }
    return scale * Math.sqrt(sum);
  }

  /**
   * Scales all gradients together by {@code maxNorm / (‖g‖ + 1e-6)} when that is below 1, so
   * that their global L2 norm is at most {@code maxNorm}; their direction is kept.
   *
   * <p>A non-finite norm (a NaN or infinite gradient somewhere) leaves every gradient untouched
   * and is returned as it is, so the caller can skip the step (check {@code
   * Double.isFinite(norm)}); {@link #clipGradNorm(Collection, double, boolean)} throws instead.
   *
   * @return the norm before clipping
   */
  public static double clipGradNorm(Collection<Tensor> parameters, double maxNorm) {
    return clipGradNorm(parameters, maxNorm, false);
  }

  /**
   * As {@link #clipGradNorm(Collection, double)}, but with {@code errorIfNonFinite} a NaN or
   * infinite norm throws an {@link ArithmeticException} instead of being returned.
   *
   * @return the norm before clipping
   */
  public static double clipGradNorm(
      Collection<Tensor> parameters, double maxNorm, boolean errorIfNonFinite) {
    if (!(maxNorm >= 0) || Double.isInfinite(maxNorm)) {
      throw new IllegalArgumentException(
          "clipGradNorm: maxNorm must be a finite number >= 0, got " + maxNorm);
    }
    double norm = gradNorm(parameters);
    if (!Double.isFinite(norm)) {
      if (errorIfNonFinite) {
        throw new ArithmeticException(
            "clipGradNorm: the total gradient norm is " + norm
                + "; some gradient holds NaN or an infinity");
      }
      return norm;
    }
    double coefficient = maxNorm / (norm + NORM_EPS);
    if (coefficient < 1) {
      scale(parameters, coefficient);
    }
    return norm;
  }

  private static void scale(Collection<Tensor> parameters, double coefficient) {
    float single = (float) coefficient;
    for (Tensor p : parameters) {
      Tensor g = p.grad();
      if (g == null) {
        continue;
      }
      if (g.dtype() == DType.FLOAT32) {
        float[] a = TensorData.floats(g);
        for (int i = 0; i < a.length; i++) {
          a[i] *= single;
        }
      } else {
        double[] a = TensorData.doubles(g);
        for (int i = 0; i < a.length; i++) {
          a[i] *= coefficient;
        }
      }
    }
  }

  /**
   * Clamps every gradient element to [−clipValue, clipValue]. NaN elements stay NaN, as in
   * PyTorch.
   */
  public static void clipGradValue(Collection<Tensor> parameters, double clipValue) {
    if (!(clipValue >= 0) || Double.isInfinite(clipValue)) {
      throw new IllegalArgumentException(
          "clipGradValue: clipValue must be a finite number >= 0, got " + clipValue);
    }
    float single = (float) clipValue;
    for (Tensor p : parameters) {
      Tensor g = p.grad();
      if (g == null) {
        continue;
      }
      if (g.dtype() == DType.FLOAT32) {
        float[] a = TensorData.floats(g);
        for (int i = 0; i < a.length; i++) {
          a[i] = Math.min(Math.max(a[i], -single), single);
        }
      } else {
        double[] a = TensorData.doubles(g);
        for (int i = 0; i < a.length; i++) {
          a[i] = Math.min(Math.max(a[i], -clipValue), clipValue);
        }
      }
    }
  }
}
