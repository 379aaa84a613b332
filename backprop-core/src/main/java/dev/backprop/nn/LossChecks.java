package dev.backprop.nn;

import dev.backprop.tensor.Tensor;
import java.util.Arrays;

/** Argument checks shared by the losses composed here (the fused ones check themselves). */
final class LossChecks {
  private LossChecks() {}

  /** Predictions and targets must match exactly: a silent broadcast would average the wrong pairs. */
  static void sameShape(String loss, Tensor predictions, Tensor targets) {
    if (!Arrays.equals(predictions.shape(), targets.shape())) {
      throw new IllegalArgumentException(
          loss + ": predictions " + Arrays.toString(predictions.shape()) + " and targets "
              + Arrays.toString(targets.shape()) + " differ in shape");
    }
    if (predictions.dtype() != targets.dtype()) {
      throw new IllegalArgumentException(
          loss + ": predictions are " + predictions.dtype() + " but targets are " + targets.dtype());
    }
  }
}
