package dev.backprop.examples;

import dev.backprop.tensor.GradCheck;
import dev.backprop.tensor.Losses;
import dev.backprop.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * The network of the first note — 3 inputs, two hidden layers of 3 sigmoid units, a softmax
 * output — with its gradients computed by backpropagation and checked against finite differences.
 */
public final class ThreeLayerGradients {
  private ThreeLayerGradients() {}

  /** Prints dL/dW₁ and the gradient check's verdict. */
  public static void main(String[] args) {
    SplittableRandom rng = new SplittableRandom(1);
    Tensor x = Tensor.of(new double[] {0.5, -1.0, 2.0}, 1, 3);
    int[] label = {2};
    Tensor w1 = Tensor.randn(rng, 3, 3).toFloat64().requiresGrad();
    Tensor b1 = Tensor.zeros(3).toFloat64().requiresGrad();
    Tensor w2 = Tensor.randn(rng, 3, 3).toFloat64().requiresGrad();
    Tensor b2 = Tensor.zeros(3).toFloat64().requiresGrad();
    Tensor w3 = Tensor.randn(rng, 3, 3).toFloat64().requiresGrad();
    Tensor b3 = Tensor.zeros(3).toFloat64().requiresGrad();

    // ŷ = softmax(W₃·g(W₂·g(W₁x + b₁) + b₂) + b₃), L = −ln ŷ[label]
    Tensor h1 = Tensor.linear(x, w1, b1).sigmoid();
    Tensor h2 = Tensor.linear(h1, w2, b2).sigmoid();
    Tensor loss = Losses.crossEntropy(Tensor.linear(h2, w3, b3), label);
    loss.backward();
    System.out.println("loss   = " + loss.item());
    System.out.println("dL/dW1 = " + w1.grad());

    GradCheck.Result check = GradCheck.check(p -> {
      Tensor a1 = Tensor.linear(x, p[0], p[1]).sigmoid();
      Tensor a2 = Tensor.linear(a1, p[2], p[3]).sigmoid();
      return Losses.crossEntropy(Tensor.linear(a2, p[4], p[5]), label);
    }, w1, b1, w2, b2, w3, b3);
    System.out.println(check);
    if (!check.passed()) {
      System.exit(1);
    }
  }
}
