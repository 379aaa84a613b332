package dev.backprop.explain;

import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The backward pass written out with the derivations' formulas, as float64 tensor operations on
 * columns: no autograd. Going down from the output layer L to layer 1:
 *
 * <pre>
 *   dz⁽ᴸ⁾   = q − y                    softmax with cross-entropy (third note)
 *           = dh⁽ᴸ⁾ ⊙ σ'(z⁽ᴸ⁾)           sigmoid output (fourth note: δ = (a − y)·σ'(z))
 *   dW⁽ˡ⁾   = dz⁽ˡ⁾·h⁽ˡ⁻¹⁾ᵀ             ∂z/∂W picks the input of the weight
 *   db⁽ˡ⁾   = dz⁽ˡ⁾                     ∂z/∂b = 1
 *   dh⁽ˡ⁻¹⁾ = W⁽ˡ⁾ᵀ·dz⁽ˡ⁾               the error flows back along the same weights
 *   dz⁽ˡ⁻¹⁾ = dh⁽ˡ⁻¹⁾ ⊙ g'(z⁽ˡ⁻¹⁾)
 * </pre>
 */
final class ExplicitBackprop {
  /** One layer's backward values; {@code activationDerivative} is null at a softmax output. */
  record Step(Tensor activationDerivative, Tensor dz, Tensor dWeight, Tensor dBias, Tensor dhPrevious) {}

  private ExplicitBackprop() {}

  /** dh⁽ᴸ⁾ = ∂L/∂h⁽ᴸ⁾, where the backward pass starts. */
  static Tensor outputGradient(Network net, Network.Pass pass, Tensor y) {
    return net.loss().outputGradient(pass.h().get(net.depth()), y);
  }

  /** The steps of layers 1 … L, in that order (computed from L down). */
  static List<Step> run(Network net, Network.Pass pass, Tensor y) {
    int depth = net.depth();
    List<Step> steps = new ArrayList<>();
    Tensor dh = outputGradient(net, pass, y);
    for (int l = depth; l >= 1; l--) {
      Tensor z = pass.z().get(l - 1);
      Tensor derivative;
      Tensor dz;
      if (l == depth) {
        derivative = net.loss() == LossKind.CROSS_ENTROPY ? null : Activation.SIGMOID.derivative(z);
        dz = net.loss().outputDz(z, pass.h().get(depth), y);
      } else {
        derivative = net.hidden().derivative(z);
        dz = dh.mul(derivative);
      }
      Tensor dWeight = dz.matmul(pass.h().get(l - 1).transpose());
      Tensor dhPrevious = net.weight(l).transpose().matmul(dz);
      steps.add(new Step(derivative, dz, dWeight, dz, dhPrevious));
      dh = dhPrevious;
    }
    Collections.reverse(steps);
    return steps;
  }
}
