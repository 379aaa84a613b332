package dev.backprop.explain;

import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The same network rebuilt the way a library user writes it — rows through {@code Tensor.linear}
 * (x·Wᵀ + b) and the fused losses of {@code Losses} — and differentiated by {@code backward()}:
 * an independent computation of dW and db to hold the explicit formulas against.
 */
final class AutogradGradients {
  /** ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾ (as a column), layer 1 first. */
  record Result(List<Tensor> dWeights, List<Tensor> dBiases) {}

  private AutogradGradients() {}

  static Result of(Network net, Tensor x, Tensor y) {
    List<Tensor> weights = new ArrayList<>();
    List<Tensor> biases = new ArrayList<>();
    Tensor row = x.reshape(1, -1);
    for (int l = 1; l <= net.depth(); l++) {
      Tensor w = Tensor.of(net.weight(l).toDoubleArray(), net.weight(l).shape()).requiresGrad();
      Tensor b = Tensor.of(net.bias(l).toDoubleArray(), net.bias(l).size(0)).requiresGrad();
      weights.add(w);
      biases.add(b);
      Tensor z = Tensor.linear(row, w, b);
      row = l == net.depth() ? z : net.hidden().apply(z);
    }
    net.loss().autogradLoss(row, y.reshape(1, -1)).backward();
    List<Tensor> dBiases = new ArrayList<>();
    for (Tensor b : biases) {
      dBiases.add(b.grad().reshape(-1, 1));
    }
    return new Result(weights.stream().map(Tensor::grad).toList(), dBiases);
  }
}
