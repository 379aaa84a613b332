package dev.backprop.nn.internal;

import dev.backprop.kernels.LossKernels;
import dev.backprop.nn.BinaryCrossEntropy;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.HalfSumSquaredError;
import dev.backprop.nn.Loss;
import dev.backprop.nn.MeanSquaredError;

/** The losses a fused training step computes in one pass with their gradient. */
enum FusedLoss {
  /** {@link CategoricalCrossEntropy} without class weights or label smoothing; class indices. */
  SOFTMAX_CROSS_ENTROPY("cross-entropy"),
  /** {@link MeanSquaredError}: mean over all elements. */
  MEAN_SQUARED_ERROR("mse"),
  /** {@link HalfSumSquaredError}: ½ Σ over outputs, mean over rows. */
  HALF_SUM_SQUARED_ERROR("half-sum-squared-error"),
  /** {@link BinaryCrossEntropy} on logits: mean over all elements. */
  BINARY_CROSS_ENTROPY("binary-cross-entropy");

  private final String label;

  FusedLoss(String label) {
    this.label = label;
  }

  /** The loss's name, as {@link Loss#name()} gives it. */
  @Override
  public String toString() {
    return label;
  }

  /** The fused form of {@code loss}, or null when it has none. */
  static FusedLoss of(Loss loss) {
    if (loss instanceof CategoricalCrossEntropy ce) {
      return ce.classWeights() == null && ce.labelSmoothing() == 0 ? SOFTMAX_CROSS_ENTROPY : null;
    } else if (loss instanceof MeanSquaredError) {
      return MEAN_SQUARED_ERROR;
    } else if (loss instanceof HalfSumSquaredError) {
      return HALF_SUM_SQUARED_ERROR;
    } else if (loss instanceof BinaryCrossEntropy) {
      return BINARY_CROSS_ENTROPY;
    }
    return null;
  }

  /** Whether the targets are class indices (else values, one per output). */
  boolean takesLabels() {
    return this == SOFTMAX_CROSS_ENTROPY;
  }

  /** The loss of value targets [rows, width] and its gradient with respect to the outputs p. */
  double valueAndGradient(float[] p, int rows, int width, float[] targets, int targetsFrom,
      float[] dp) {
    int count = rows * width;
    return switch (this) {
      case MEAN_SQUARED_ERROR -> LossKernels.squaredError(p, targets, targetsFrom, count,
          1.0 / count, dp);
      case HALF_SUM_SQUARED_ERROR -> LossKernels.squaredError(p, targets, targetsFrom, count,
          0.5 / rows, dp);
      case BINARY_CROSS_ENTROPY -> LossKernels.binaryCrossEntropyWithLogits(p, targets,
          targetsFrom, count, dp);
      case SOFTMAX_CROSS_ENTROPY -> throw new IllegalStateException("cross-entropy takes labels");
    };
  }
}
