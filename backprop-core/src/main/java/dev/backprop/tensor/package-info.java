/**
 * N-dimensional tensors in float32 or float64 with reverse-mode automatic differentiation. Every
 * differentiable operation states its forward and backward rule side by side; {@link
 * dev.backprop.tensor.GradCheck} verifies them against finite differences.
 */
package dev.backprop.tensor;
