package dev.backprop.explain;

/**
 * A gradient dX = ∂L/∂X computed by the derivation's formula, beside its central finite-difference
 * estimate (L(X + εeᵢ) − L(X − εeᵢ)) / 2ε, taken element by element in float64 with ε = {@value
 * Explain#EPSILON}.
 *
 * @param analytic the gradient by the chain rule
 * @param numeric the finite-difference estimate, of the same shape
 */
public record CheckedGradient(Matrix analytic, Matrix numeric) {
  /**
   * Checks the shapes agree.
   *
   * @throws IllegalArgumentException if they differ
   */
  public CheckedGradient {
    analytic.maxAbsDifference(numeric);
  }

  /** max |analytic − numeric| over all elements. */
  public double maxAbsDifference() {
    return analytic.maxAbsDifference(numeric);
  }
}
