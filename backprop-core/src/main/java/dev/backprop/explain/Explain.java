package dev.backprop.explain;

import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one forward and backward pass of a small dense network on one example and records every
 * intermediate value in the notation of the derivations.
 *
 * <p>Going up, for l = 1 … L: z⁽ˡ⁾ = W⁽ˡ⁾·h⁽ˡ⁻¹⁾ + b⁽ˡ⁾ and h⁽ˡ⁾ = g(z⁽ˡ⁾), with h⁽⁰⁾ = x and the
 * loss's output function (softmax or sigmoid) at layer L. Going down, from L: dz, dW = dz·hᵀ,
 * db = dz and dh = Wᵀ·dz by the derivations' formulas in float64, each beside its central
 * finite-difference estimate (ε = {@value #EPSILON}), dW and db also beside autograd's. Finally one
 * gradient-descent step θ ← θ − η·∇L and the loss it leads to.
 *
 * <pre>{@code
 * Explanation e = Explain.run(ExplainSpec.defaults());
 * System.out.print(e.toText());
 * }</pre>
 */
public final class Explain {
  /** The step ε of the central finite differences. */
  public static final double EPSILON = 1e-6;

  private static final double[] INPUT_PATTERN = {0.5, -1.0, 2.0};

  private Explain() {}

  /** Explains one forward and backward pass of the network the spec describes. */
  public static Explanation run(ExplainSpec spec) {
    List<Integer> sizes = spec.layers();
    Tensor x = column(exampleInput(sizes.get(0)));
    Tensor y = column(exampleTarget(sizes.get(sizes.size() - 1)));
    Network net = Network.initial(spec);
    Network.Pass pass = net.forward(x, y);
    List<ExplicitBackprop.Step> steps = ExplicitBackprop.run(net, pass, y);
    AutogradGradients.Result autograd = AutogradGradients.of(net, x, y);
    Network updated = net.step(
        spec.learningRate(),
        steps.stream().map(ExplicitBackprop.Step::dWeight).toList(),
        steps.stream().map(ExplicitBackprop.Step::dBias).toList());
    List<LayerTrace> layers = new ArrayList<>();
    for (int l = 1; l <= net.depth(); l++) {
      LayerGradients gradients = checked(net, pass, x, y, l, steps.get(l - 1), autograd);
      layers.add(new LayerTrace(
          l, matrix(net.weight(l)), matrix(net.bias(l)), matrix(pass.z().get(l - 1)),
          matrix(pass.h().get(l)), gradients, matrix(updated.weight(l)), matrix(updated.bias(l))));
    }
    Tensor output = pass.h().get(net.depth());
    CheckedGradient outputGradient = new CheckedGradient(
        matrix(ExplicitBackprop.outputGradient(net, pass, y)),
        matrix(FiniteDifferences.central(output, h -> net.loss().loss(h, y))));
    return new Explanation(
        spec, matrix(x), matrix(y), layers, pass.loss(), outputGradient, updated.forward(x, y).loss());
  }

  /**
   * The example's input x: the values 0.5, −1.0, 2.0 repeated to the given length, so the default
   * network sees x = (0.5, −1.0, 2.0) — positive and negative, small and large.
   */
  public static double[] exampleInput(int size) {
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = INPUT_PATTERN[i % INPUT_PATTERN.length];
    }
    return x;
  }

  /**
   * The example's target y: one-hot on the middle output, index ⌊n/2⌋ counted from 0. With 3
   * outputs y = (0, 1, 0), the target in the fourth note's example; with 1 output y = (1).
   */
  public static double[] exampleTarget(int size) {
    double[] y = new double[size];
    y[size / 2] = 1;
    return y;
  }

  private static LayerGradients checked(
      Network net, Network.Pass pass, Tensor x, Tensor y, int l, ExplicitBackprop.Step step,
      AutogradGradients.Result autograd) {
    Tensor z = pass.z().get(l - 1);
    Tensor previous = pass.h().get(l - 1);
    Tensor dz = FiniteDifferences.central(z, zz -> net.lossFromWeightedInput(l, zz, y));
    Tensor dWeight = FiniteDifferences.central(net.weight(l), w -> net.withWeight(l, w).forward(x, y).loss());
    Tensor dBias = FiniteDifferences.central(net.bias(l), b -> net.withBias(l, b).forward(x, y).loss());
    Tensor dhPrevious = FiniteDifferences.central(previous, h -> net.lossAbove(l - 1, h, y));
    return new LayerGradients(
        Optional.ofNullable(step.activationDerivative()).map(Explain::matrix),
        new CheckedGradient(matrix(step.dz()), matrix(dz)),
        new CheckedGradient(matrix(step.dWeight()), matrix(dWeight)),
        new CheckedGradient(matrix(step.dBias()), matrix(dBias)),
        new CheckedGradient(matrix(step.dhPrevious()), matrix(dhPrevious)),
        matrix(autograd.dWeights().get(l - 1)),
        matrix(autograd.dBiases().get(l - 1)));
  }

  private static Tensor column(double[] values) {
    return Tensor.of(values, values.length, 1);
  }

  private static Matrix matrix(Tensor t) {
    return new Matrix(t.size(0), t.size(1), t.toDoubleArray());
  }
}
