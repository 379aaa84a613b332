package dev.backprop.explain;

import java.util.Optional;

/**
 * The backward pass through layer l: dz⁽ˡ⁾ = dh⁽ˡ⁾ ⊙ g'(z⁽ˡ⁾) (or q − y at a softmax output),
 * dW⁽ˡ⁾ = dz⁽ˡ⁾·h⁽ˡ⁻¹⁾ᵀ, db⁽ˡ⁾ = dz⁽ˡ⁾ and dh⁽ˡ⁻¹⁾ = W⁽ˡ⁾ᵀ·dz⁽ˡ⁾, each beside its finite-difference
 * estimate, and dW, db as autograd's {@code backward()} computes them.
 *
 * @param activationDerivative g'(z⁽ˡ⁾); empty at a softmax output, whose dz needs no elementwise
 *     derivative
 * @param dz ∂L/∂z⁽ˡ⁾
 * @param dWeight ∂L/∂W⁽ˡ⁾
 * @param dBias ∂L/∂b⁽ˡ⁾
 * @param dhPrevious ∂L/∂h⁽ˡ⁻¹⁾, the gradient handed down to the layer below (∂L/∂x for l = 1)
 * @param autogradDWeight ∂L/∂W⁽ˡ⁾ from {@code Tensor.backward()}
 * @param autogradDBias ∂L/∂b⁽ˡ⁾ from {@code Tensor.backward()}
 */
public record LayerGradients(
    Optional<Matrix> activationDerivative,
    CheckedGradient dz,
    CheckedGradient dWeight,
    CheckedGradient dBias,
    CheckedGradient dhPrevious,
    Matrix autogradDWeight,
    Matrix autogradDBias) {

  /** The largest |analytic − finite difference| over dz, dW, db and dh⁽ˡ⁻¹⁾. */
  public double maxFiniteDifferenceError() {
    return Math.max(
        Math.max(dz.maxAbsDifference(), dWeight.maxAbsDifference()),
        Math.max(dBias.maxAbsDifference(), dhPrevious.maxAbsDifference()));
  }

  /** The largest |explicit − autograd| over dW and db. */
  public double maxAutogradDifference() {
    return Math.max(
        dWeight.analytic().maxAbsDifference(autogradDWeight),
        dBias.analytic().maxAbsDifference(autogradDBias));
  }
}
