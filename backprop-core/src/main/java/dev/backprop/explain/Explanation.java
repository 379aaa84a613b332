package dev.backprop.explain;

import java.util.List;

/**
 * One forward and backward pass of a small network on one example, as {@link Explain#run}
 * records it: the example, every layer's values and gradients (each gradient beside its
 * finite-difference estimate and, for W and b, autograd's), the loss, and one gradient-descent
 * step. {@link #toText()} prints it for a student, {@link #toJson()} for a program.
 *
 * @param spec what was explained
 * @param input the example's input x = h⁽⁰⁾, a column
 * @param target the example's target y, a column
 * @param layers layers 1 … L, in that order
 * @param loss L before the step
 * @param outputGradient dh⁽ᴸ⁾ = ∂L/∂h⁽ᴸ⁾, where the backward pass starts
 * @param lossAfterStep L after θ ← θ − η·∇L
 */
public record Explanation(
    ExplainSpec spec,
    Matrix input,
    Matrix target,
    List<LayerTrace> layers,
    double loss,
    CheckedGradient outputGradient,
    double lossAfterStep) {

  /** Copies the layer list. */
  public Explanation {
    layers = List.copyOf(layers);
  }

  /**
   * Layer l, counted from 1.
   *
   * @throws IllegalArgumentException if there is no such layer
   */
  public LayerTrace layer(int l) {
    if (l < 1 || l > layers.size()) {
      throw new IllegalArgumentException("layer: expected 1 to " + layers.size() + ", got " + l);
    }
    return layers.get(l - 1);
  }

  /** The largest |analytic − finite difference| over every gradient shown. */
  public double maxFiniteDifferenceError() {
    double max = outputGradient.maxAbsDifference();
    for (LayerTrace layer : layers) {
      max = Math.max(max, layer.gradients().maxFiniteDifferenceError());
    }
    return max;
  }

  /** The largest |explicit − autograd| over every dW and db. */
  public double maxAutogradDifference() {
    double max = 0;
    for (LayerTrace layer : layers) {
      max = Math.max(max, layer.gradients().maxAutogradDifference());
    }
    return max;
  }

  /**
   * The decrease of the loss that the first-order Taylor expansion predicts for the step:
   * L(θ − η∇L) ≈ L(θ) − η·‖∇L‖², so the prediction is η·Σ (‖dW⁽ˡ⁾‖² + ‖db⁽ˡ⁾‖²).
   */
  public double predictedDecrease() {
    double squared = 0;
    for (LayerTrace layer : layers) {
      squared += layer.gradients().dWeight().analytic().squaredNorm();
      squared += layer.gradients().dBias().analytic().squaredNorm();
    }
    return spec.learningRate() * squared;
  }

  /** The explanation as a student reads it: aligned matrices, section headings, one-line comments. */
  public String toText() {
    return new TextReport(this).render();
  }

  /** The explanation as one JSON object, every number in full precision. */
  public String toJson() {
    return JsonReport.render(this);
  }
}
