package dev.backprop.optim;

import dev.backprop.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015) with bias correction, optional L2 weight decay added to the gradient
 * and optional AMSGrad, as PyTorch's {@code torch.optim.Adam}. At update t of a parameter θ:
 *
 * <pre>
 *   g  ← ∇L + λ·θ                         (L2 weight decay λ; for decoupled decay see AdamW)
 *   m  ← β1·m + (1 − β1)·g
 *   v  ← β2·v + (1 − β2)·g²
 *   v̂  ← max(v̂, v) with amsgrad, v otherwise
 *   θ  ← θ − η·(m / (1 − β1ᵗ)) / (√v̂ / √(1 − β2ᵗ) + ε)
 * </pre>
 *
 * The first update moves each weight by η·g / (|g| + ε) ≈ η·sign(g). Buffers: {@code exp_avg}
 * (m), {@code exp_avg_sq} (v) and, with amsgrad, {@code max_exp_avg_sq} (v̂).
 */
public final class Adam extends Optimizer {
  /**
   * The hyperparameters; the one-argument constructor takes PyTorch's defaults for the rest
   * (β1 0.9, β2 0.999, ε 1e-8, no weight decay, no amsgrad).
   *
   * @param lr learning rate η ≥ 0
   * @param beta1 decay β1 ∈ [0, 1) of the first moment
   * @param beta2 decay β2 ∈ [0, 1) of the second moment
   * @param eps ε ≥ 0 added to the denominator
   * @param weightDecay L2 penalty λ ≥ 0 added to the gradient
   * @param amsgrad whether to divide by the running maximum of v (AMSGrad)
   */
  public record Spec(
      double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad)
      implements OptimizerSpec {
    /** Checks every value. */
    public Spec {
      checkAdam("adam", lr, beta1, beta2, eps, weightDecay);
    }

    /** Adam with learning rate {@code lr} and PyTorch's defaults for the rest. */
    public Spec(double lr) {
      this(lr, 0.9, 0.999, 1e-8, 0, false);
    }

    static Spec fromMap(Map<String, Double> values) {
      Hyperparameters h = new Hyperparameters("adam", values, new Spec(1e-3).hyperparameters());
      return new Spec(
          h.get("lr"), h.get("beta1"), h.get("beta2"), h.get("eps"), h.get("weight_decay"),
          h.flag("amsgrad"));
    }

    @Override
    public String optimizer() {
      return "adam";
    }

    @Override
    public Spec withLr(double lr) {
      return new Spec(lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /** The same with moment decays β1 and β2. */
    public Spec withBetas(double beta1, double beta2) {
      return new Spec(lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /** The same with ε. */
    public Spec withEps(double eps) {
      return new Spec(lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /** The same with L2 weight decay λ. */
    public Spec withWeightDecay(double weightDecay) {
      return new Spec(lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /** The same with AMSGrad on or off. */
    public Spec withAmsgrad(boolean amsgrad) {
      return new Spec(lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    @Override
    public Map<String, Double> hyperparameters() {
      return Hyperparameters.ordered(
          "lr", lr, "beta1", beta1, "beta2", beta2, "eps", eps, "weight_decay", weightDecay,
          "amsgrad", amsgrad);
    }

    @Override
    public Adam create(Map<String, Tensor> parameters) {
      return new Adam(parameters, this);
    }
  }

  static void checkAdam(
      String optimizer, double lr, double beta1, double beta2, double eps, double weightDecay) {
    Hyperparameters.nonNegative(optimizer, "lr", lr);
    Hyperparameters.unitInterval(optimizer, "beta1", beta1);
    Hyperparameters.unitInterval(optimizer, "beta2", beta2);
    Hyperparameters.nonNegative(optimizer, "eps", eps);
    Hyperparameters.nonNegative(optimizer, "weight_decay", weightDecay);
  }

  /** Adam over named parameters. */
  public Adam(Map<String, Tensor> parameters, Spec spec) {
    super(parameters, spec);
  }

  /** Adam over parameters named {@code "0"}, {@code "1"}, ... in order. */
  public Adam(List<Tensor> parameters, Spec spec) {
    this(named(parameters), spec);
  }

  @Override
  public Spec spec() {
    return (Spec) super.spec();
  }

  @Override
  String[] bufferNames(OptimizerSpec spec) {
    return ((Spec) spec).amsgrad ? AdamMoments.AMSGRAD_BUFFERS : AdamMoments.BUFFERS;
  }

  @Override
  void update(float[] p, float[] grad, float[][] buffers, long step) {
    Spec s = spec();
    AdamMoments.update(p, grad, buffers, step, s.lr, s.beta1, s.beta2, s.eps, s.weightDecay);
  }

  @Override
  void update(double[] p, double[] grad, double[][] buffers, long step) {
    Spec s = spec();
    AdamMoments.update(p, grad, buffers, step, s.lr, s.beta1, s.beta2, s.eps, s.weightDecay);
  }
}
