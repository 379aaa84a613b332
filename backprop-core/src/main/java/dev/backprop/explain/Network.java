package dev.backprop.explain;

import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A dense network in the notes' column form, z⁽ˡ⁾ = W⁽ˡ⁾·h⁽ˡ⁻¹⁾ + b⁽ˡ⁾, with float64 parameters.
 * Immutable: perturbing or updating a parameter gives a new network, which is what finite
 * differences and the gradient-descent step need.
 */
final class Network {
  /** The values of one forward pass: z⁽ˡ⁾ at index l − 1, h⁽ˡ⁾ at index l (h⁽⁰⁾ = x). */
  record Pass(List<Tensor> z, List<Tensor> h, double loss) {}

  private final List<Tensor> weights;
  private final List<Tensor> biases;
  private final Activation hidden;
  private final LossKind loss;

  private Network(List<Tensor> weights, List<Tensor> biases, Activation hidden, LossKind loss) {
    this.weights = List.copyOf(weights);
    this.biases = List.copyOf(biases);
    this.hidden = hidden;
    this.loss = loss;
  }

  /**
   * Parameters drawn as PyTorch's {@code nn.Linear} draws them: every W⁽ˡ⁾ᵢⱼ and b⁽ˡ⁾ᵢ uniform in
   * ±1/√n⁽ˡ⁻¹⁾, layer by layer, W before b, from one generator seeded with the spec's seed.
   */
  static Network initial(ExplainSpec spec) {
    SplittableRandom rng = new SplittableRandom(spec.seed());
    List<Tensor> weights = new ArrayList<>();
    List<Tensor> biases = new ArrayList<>();
    List<Integer> sizes = spec.layers();
    for (int l = 1; l < sizes.size(); l++) {
      int in = sizes.get(l - 1);
      int out = sizes.get(l);
      double bound = 1 / Math.sqrt(in);
      weights.add(Tensor.of(rng.doubles((long) out * in, -bound, bound).toArray(), out, in));
      biases.add(Tensor.of(rng.doubles(out, -bound, bound).toArray(), out, 1));
    }
    return new Network(weights, biases, Activation.named(spec.activation()), LossKind.named(spec.loss()));
  }

  /** L, the number of layers with parameters. */
  int depth() {
    return weights.size();
  }

  Tensor weight(int l) {
    return weights.get(l - 1);
  }

  Tensor bias(int l) {
    return biases.get(l - 1);
  }

  Activation hidden() {
    return hidden;
  }

  LossKind loss() {
    return loss;
  }

  /** z⁽ˡ⁾ = W⁽ˡ⁾·h⁽ˡ⁻¹⁾ + b⁽ˡ⁾. */
  Tensor weightedInput(int l, Tensor previous) {
    return weight(l).matmul(previous).add(bias(l));
  }

  /** h⁽ˡ⁾ = g(z⁽ˡ⁾) for a hidden layer, the loss's output function at the last. */
  Tensor activate(int l, Tensor z) {
    return l == depth() ? loss.output(z) : hidden.apply(z);
  }

  Pass forward(Tensor x, Tensor y) {
    List<Tensor> zs = new ArrayList<>();
    List<Tensor> hs = new ArrayList<>(List.of(x));
    for (int l = 1; l <= depth(); l++) {
      zs.add(weightedInput(l, hs.get(l - 1)));
      hs.add(activate(l, zs.get(l - 1)));
    }
    return new Pass(zs, hs, loss.lossOfScores(zs.get(depth() - 1), y));
  }

  /** L as a function of h⁽ˡ⁾ alone (l < L): the layers above l run on the given h. */
  double lossAbove(int l, Tensor h, Tensor y) {
    return lossFromWeightedInput(l + 1, weightedInput(l + 1, h), y);
  }

  /** L as a function of z⁽ˡ⁾ alone. */
  double lossFromWeightedInput(int l, Tensor z, Tensor y) {
    return l == depth() ? loss.lossOfScores(z, y) : lossAbove(l, activate(l, z), y);
  }

  Network withWeight(int l, Tensor w) {
    List<Tensor> ws = new ArrayList<>(weights);
    ws.set(l - 1, w);
    return new Network(ws, biases, hidden, loss);
  }

  Network withBias(int l, Tensor b) {
    List<Tensor> bs = new ArrayList<>(biases);
    bs.set(l - 1, b);
    return new Network(weights, bs, hidden, loss);
  }

  /** θ ← θ − η·∇L for every W⁽ˡ⁾ and b⁽ˡ⁾, given the gradients layer by layer (layer 1 first). */
  Network step(double eta, List<Tensor> dWeights, List<Tensor> dBiases) {
    List<Tensor> ws = new ArrayList<>();
    List<Tensor> bs = new ArrayList<>();
    for (int l = 1; l <= depth(); l++) {
      ws.add(weight(l).sub(dWeights.get(l - 1).mul(eta)));
      bs.add(bias(l).sub(dBiases.get(l - 1).mul(eta)));
    }
    return new Network(ws, bs, hidden, loss);
  }
}
