package dev.backprop.optim;

import dev.backprop.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adagrad (Duchi et al., 2011), as PyTorch's {@code torch.optim.Adagrad}: each weight's step
 * shrinks with the sum of its squared gradients. At update t of a parameter θ:
 *
 * <pre>
 *   g  ← ∇L + λ·θ                      (L2 weight decay λ)
 *   η̃  ← η / (1 + (t − 1)·δ)           (learning-rate decay δ)
 *   s  ← s + g²                         (s starts at the initial accumulator value)
 *   θ  ← θ − η̃·g / (√s + ε)
 * </pre>
 *
 * Buffer: {@code sum} (s).
 */
public final class Adagrad extends Optimizer {
  private static final String[] BUFFERS = {"sum"};

  /**
   * The hyperparameters; the one-argument constructor takes PyTorch's defaults for the rest
   * (no lr decay, no weight decay, initial accumulator 0, ε 1e-10).
   *
   * @param lr learning rate η ≥ 0
   * @param lrDecay learning-rate decay δ ≥ 0 per update
   * @param weightDecay L2 penalty λ ≥ 0 added to the gradient
   * @param initialAccumulatorValue the value s starts from, ≥ 0
   * @param eps ε ≥ 0 added to the denominator
   */
  public record Spec(
      double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps)
      implements OptimizerSpec {
    /** Checks every value. */
    public Spec {
      Hyperparameters.nonNegative("adagrad", "lr", lr);
      Hyperparameters.nonNegative("adagrad", "lr_decay", lrDecay);
      Hyperparameters.nonNegative("adagrad", "weight_decay", weightDecay);
      Hyperparameters.nonNegative("adagrad", "initial_accumulator_value", initialAccumulatorValue);
      Hyperparameters.nonNegative("adagrad", "eps", eps);
    }

    /** Adagrad with learning rate {@code lr} and PyTorch's defaults for the rest. */
    public Spec(double lr) {
      this(lr, 0, 0, 0, 1e-10);
    }

    static Spec fromMap(Map<String, Double> values) {
      Hyperparameters h = new Hyperparameters("adagrad", values, new Spec(1e-2).hyperparameters());
      return new Spec(
          h.get("lr"), h.get("lr_decay"), h.get("weight_decay"), h.get("initial_accumulator_value"),
          h.get("eps"));
    }

    @Override
    public String optimizer() {
      return "adagrad";
    }

    @Override
    public Spec withLr(double lr) {
      return new Spec(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
    }

    /** The same with learning-rate decay δ. */
    public Spec withLrDecay(double lrDecay) {
      return new Spec(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
    }

    /** The same with L2 weight decay λ. */
    public Spec withWeightDecay(double weightDecay) {
      return new Spec(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
    }

    /** The same with the accumulator starting from {@code value}. */
    public Spec withInitialAccumulatorValue(double value) {
      return new Spec(lr, lrDecay, weightDecay, value, eps);
    }

    /** The same with ε. */
    public Spec withEps(double eps) {
      return new Spec(lr, lrDecay, weightDecay, initialAccumulatorValue, eps);
    }

    @Override
    public Map<String, Double> hyperparameters() {
      return Hyperparameters.ordered(
          "lr", lr, "lr_decay", lrDecay, "weight_decay", weightDecay,
          "initial_accumulator_value", initialAccumulatorValue, "eps", eps);
    }

    @Override
    public Adagrad create(Map<String, Tensor> parameters) {
      return new Adagrad(parameters, this);
    }
  }

  /** Adagrad over named parameters. */
  public Adagrad(Map<String, Tensor> parameters, Spec spec) {
    super(parameters, spec);
  }

  /** Adagrad over parameters named {@code "0"}, {@code "1"}, ... in order. */
  public Adagrad(List<Tensor> parameters, Spec spec) {
    this(named(parameters), spec);
  }

  @Override
  public Spec spec() {
    return (Spec) super.spec();
  }

  @Override
  String[] bufferNames(OptimizerSpec spec) {
    return BUFFERS;
  }

  @Override
  double initialBufferValue() {
    return spec().initialAccumulatorValue;
  }

  @Override
  void update(float[] p, float[] grad, float[][] buffers, long step) {
    Spec s = spec();
    float[] sum = buffers[0];
    float wd = (float) s.weightDecay;
    float e = (float) s.eps;
    boolean decay = s.weightDecay != 0;
    float negLr = (float) -(s.lr / (1 + (step - 1) * s.lrDecay));
    for (int i = 0; i < p.length; i++) {
      float g = decay ? grad[i] + wd * p[i] : grad[i];
      sum[i] = sum[i] + g * g;
      float std = (float) Math.sqrt(sum[i]) + e;
      p[i] = p[i] + negLr * g / std;
    }
  }

  @Override
  void update(double[] p, double[] grad, double[][] buffers, long step) {
    Spec s = spec();
    double[] sum = buffers[0];
    double wd = s.weightDecay;
    boolean decay = wd != 0;
    double negLr = -(s.lr / (1 + (step - 1) * s.lrDecay));
    for (int i = 0; i < p.length; i++) {
      double g = decay ? grad[i] + wd * p[i] : grad[i];
      sum[i] = sum[i] + g * g;
      double std = Math.sqrt(sum[i]) + s.eps;
      p[i] = p[i] + negLr * g / std;
    }
  }
}
