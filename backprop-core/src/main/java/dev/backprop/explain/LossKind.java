package dev.backprop.explain;

import dev.backprop.tensor.Losses;
import dev.backprop.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The losses, each with the output layer it is paired with and the formulas the derivations give
 * for it. Vectors are columns [n, 1], as in the notes.
 */
enum LossKind {
  /** Softmax output q, L = −Σ yᵢ ln qᵢ; dz = q − y (third note). */
  CROSS_ENTROPY("cross-entropy", "softmax", "q", "L = −Σᵢ yᵢ·ln qᵢ", "∂L/∂q = −y ⊘ q") {
    @Override
    Tensor output(Tensor z) {
      return z.softmax(0);
    }

    @Override
    double loss(Tensor q, Tensor y) {
      return -y.mul(q.log()).sum().item();
    }

    @Override
    double lossOfScores(Tensor z, Tensor y) {
      return -y.mul(z.logSoftmax(0)).sum().item();
    }

    @Override
    Tensor outputGradient(Tensor q, Tensor y) {
      return y.div(q).neg();
    }

    @Override
    Tensor autogradLoss(Tensor logits, Tensor y) {
      return Losses.crossEntropy(logits, y);
    }
  },
  /** Sigmoid output a, L = ½ Σ (aᵢ − yᵢ)²; dz = (a − y) ⊙ σ'(z) (fourth note). */
  SQUARED_ERROR("squared-error", "sigmoid", "a", "L = ½·Σᵢ (aᵢ − yᵢ)²", "∂L/∂a = a − y") {
    @Override
    Tensor output(Tensor z) {
      return z.sigmoid();
    }

    @Override
    double loss(Tensor a, Tensor y) {
      Tensor diff = a.sub(y);
      return 0.5 * diff.mul(diff).sum().item();
    }

    @Override
    Tensor outputGradient(Tensor a, Tensor y) {
      return a.sub(y);
    }

    @Override
    Tensor autogradLoss(Tensor logits, Tensor y) {
      return Losses.halfSumSquaredError(logits.sigmoid(), y);
    }
  },
  /** Sigmoid output a, L = (1/n) Σ (aᵢ − yᵢ)²; dz = (2/n)(a − y) ⊙ σ'(z). */
  MSE("mse", "sigmoid", "a", "L = (1/n)·Σᵢ (aᵢ − yᵢ)²", "∂L/∂a = (2/n)·(a − y)") {
    @Override
    Tensor output(Tensor z) {
      return z.sigmoid();
    }

    @Override
    double loss(Tensor a, Tensor y) {
      Tensor diff = a.sub(y);
      return diff.mul(diff).mean().item();
    }

    @Override
    Tensor outputGradient(Tensor a, Tensor y) {
      return a.sub(y).mul(2.0 / a.numel());
    }

    @Override
    Tensor autogradLoss(Tensor logits, Tensor y) {
      return Losses.mse(logits.sigmoid(), y);
    }
  };

  final String cliName;
  final String outputName;
  final String outputSymbol;
  final String formula;
  final String outputGradientFormula;

  LossKind(String cliName, String outputName, String outputSymbol, String formula, String outputGradientFormula) {
    this.cliName = cliName;
    this.outputName = outputName;
    this.outputSymbol = outputSymbol;
    this.formula = formula;
    this.outputGradientFormula = outputGradientFormula;
  }

  /** The output h⁽ᴸ⁾ = O(z⁽ᴸ⁾) of a column of scores. */
  abstract Tensor output(Tensor z);

  /** L as a function of the output h⁽ᴸ⁾ and the target y. */
  abstract double loss(Tensor output, Tensor y);

  /**
   * L as a function of the scores z⁽ᴸ⁾: the same value as {@code loss(output(z), y)}, but
   * cross-entropy takes ln q from log-softmax, so a probability that underflows to 0 after a large
   * step still gives a finite loss.
   */
  double lossOfScores(Tensor z, Tensor y) {
    return loss(output(z), y);
  }

  /** dh⁽ᴸ⁾ = ∂L/∂h⁽ᴸ⁾, the gradient that starts the backward pass. */
  abstract Tensor outputGradient(Tensor output, Tensor y);

  /** The same loss built from the library's fused losses, for a row of logits [1, n]. */
  abstract Tensor autogradLoss(Tensor logits, Tensor y);

  /**
   * dz⁽ᴸ⁾ by the derivations' closed forms: q − y for softmax with cross-entropy, whose Jacobian
   * ∂qᵢ/∂zⱼ = qᵢ(δᵢⱼ − qⱼ) folds −y ⊘ q into q − y; dh⁽ᴸ⁾ ⊙ σ'(z) for an elementwise sigmoid.
   */
  Tensor outputDz(Tensor z, Tensor output, Tensor y) {
    if (this == CROSS_ENTROPY) {
      return output.sub(y);
    }
    return outputGradient(output, y).mul(Activation.SIGMOID.derivative(z));
  }

  static List<String> names() {
    return Arrays.stream(values()).map(k -> k.cliName).toList();
  }

  static LossKind named(String name) {
    for (LossKind k : values()) {
      if (k.cliName.equalsIgnoreCase(name == null ? "" : name.trim())) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "loss: unknown '" + name + "'; expected one of " + String.join(", ", names()));
  }
}
