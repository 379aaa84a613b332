package dev.backprop.explain;

/**
 * Layer l of the explained network: its parameters, its forward values z⁽ˡ⁾ = W⁽ˡ⁾·h⁽ˡ⁻¹⁾ + b⁽ˡ⁾
 * and h⁽ˡ⁾ = g(z⁽ˡ⁾), its gradients, and its parameters after one gradient-descent step
 * θ ← θ − η·∇L.
 *
 * @param index l, counted from 1 (layer 0 is the input x = h⁽⁰⁾)
 * @param weight W⁽ˡ⁾, n⁽ˡ⁾ × n⁽ˡ⁻¹⁾
 * @param bias b⁽ˡ⁾, a column of n⁽ˡ⁾
 * @param z the weighted input z⁽ˡ⁾
 * @param h the activation h⁽ˡ⁾ (the output q or a at the last layer)
 * @param gradients the backward pass through this layer
 * @param updatedWeight W⁽ˡ⁾ − η·dW⁽ˡ⁾
 * @param updatedBias b⁽ˡ⁾ − η·db⁽ˡ⁾
 */
public record LayerTrace(
    int index,
    Matrix weight,
    Matrix bias,
    Matrix z,
    Matrix h,
    LayerGradients gradients,
    Matrix updatedWeight,
    Matrix updatedBias) {}
