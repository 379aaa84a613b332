package dev.backprop.train;

import dev.backprop.optim.GradClip;
import dev.backprop.tensor.Tensor;
import java.util.Collection;
import java.util.Objects;

/**
 * Gradient clipping applied between the backward pass and the optimizer step: by global L2 norm
 * (all gradients scaled together so that ‖g‖ ≤ threshold, PyTorch's {@code clip_grad_norm_}) or by
 * value (each element clamped to [−threshold, threshold], {@code clip_grad_value_}).
 *
 * @param kind by norm or by value
 * @param threshold the largest norm or magnitude allowed, finite and ≥ 0
 */
public record GradientClipping(Kind kind, double threshold) {
  /** What is bounded. */
  public enum Kind {
    /** The global L2 norm of all gradients. */
    NORM,
    /** Each gradient element. */
    VALUE
  }

  /** Checks the values. */
  public GradientClipping {
    Objects.requireNonNull(kind, "kind");
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException(
          "gradient clipping: threshold must be a finite number >= 0, got " + threshold);
    }
  }

  /** Clipping of the global gradient norm to {@code maxNorm}. */
  public static GradientClipping byNorm(double maxNorm) {
    return new GradientClipping(Kind.NORM, maxNorm);
  }

  /** Clamping of every gradient element to [−{@code maxValue}, {@code maxValue}]. */
  public static GradientClipping byValue(double maxValue) {
    return new GradientClipping(Kind.VALUE, maxValue);
  }

  /** Clips the gradients of {@code parameters} in place. */
  void apply(Collection<Tensor> parameters) {
    if (kind == Kind.NORM) {
      GradClip.clipGradNorm(parameters, threshold);
    } else {
      GradClip.clipGradValue(parameters, threshold);
    }
  }
}
