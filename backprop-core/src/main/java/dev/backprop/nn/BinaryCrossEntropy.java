package dev.backprop.nn;

import dev.backprop.tensor.Losses;
import dev.backprop.tensor.Tensor;

/**
 * Binary cross-entropy of σ(z) against targets y in [0, 1], taking the logits z, averaged over all
 * elements (PyTorch's BCEWithLogitsLoss): L = mean(−y ln σ(z) − (1 − y) ln(1 − σ(z))), computed
 * stably as mean(max(z, 0) − z·y + ln(1 + e^−|z|)); ∂L/∂z = (σ(z) − y)/n. Fused.
 */
public final class BinaryCrossEntropy implements Loss {
  /** Creates the loss. */
  public BinaryCrossEntropy() {}

  /** The loss of logits against targets of the same shape. */
  @Override
  public Tensor compute(Tensor logits, Tensor targets) {
    return Losses.binaryCrossEntropyWithLogits(logits, targets);
  }

  @Override
  public String name() {
    return "binary-cross-entropy";
  }

  @Override
  public Activation outputActivation() {
    return Activation.SIGMOID;
  }

  @Override
  public String toString() {
    return "BinaryCrossEntropy()";
  }
}
