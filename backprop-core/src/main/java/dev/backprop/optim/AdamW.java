package dev.backprop.optim;

import dev.backprop.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019), as PyTorch's {@code
 * torch.optim.AdamW}: the weights shrink by η·λ·θ before the Adam step, instead of λ·θ being added
 * to the gradient. At update t of a parameter θ:
 *
 * <pre>
 *   θ  ← θ·(1 − η·λ)
 *   m  ← β1·m + (1 − β1)·∇L
 *   v  ← β2·v + (1 − β2)·(∇L)²
 *   v̂  ← max(v̂, v) with amsgrad, v otherwise
 *   θ  ← θ − η·(m / (1 − β1ᵗ)) / (√v̂ / √(1 − β2ᵗ) + ε)
 * </pre>
 *
 * Buffers as {@link Adam}: {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad, {@code
 * max_exp_avg_sq}.
 */
public final class AdamW extends Optimizer {
  /**
   * The hyperparameters; the one-argument constructor takes PyTorch's defaults for the rest
   * (β1 0.9, β2 0.999, ε 1e-8, weight decay 0.01, no amsgrad).
   *
   * @param lr learning rate η ≥ 0
   * @param beta1 decay β1 ∈ [0, 1) of the first moment
   * @param beta2 decay β2 ∈ [0, 1) of the second moment
   * @param eps ε ≥ 0 added to the denominator
   * @param weightDecay decoupled weight decay λ ≥ 0
   * @param amsgrad whether to divide by the running maximum of v (AMSGrad)
   */
  public record Spec(
      double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad)
      implements OptimizerSpec {
    /** Checks every value. */
    public Spec {
      Adam.checkAdam("adamw", lr, beta1, beta2, eps, weightDecay);
    }

    /** AdamW with learning rate {@code lr} and PyTorch's defaults for the rest. */
    public Spec(double lr) {
      this(lr, 0.9, 0.999, 1e-8, 0.01, false);
    }

    static Spec fromMap(Map<String, Double> values) {
      Hyperparameters h = new Hyperparameters("adamw", values, new Spec(1e-3).hyperparameters());
      return new Spec(
          h.get("lr"), h.get("beta1"), h.get("beta2"), h.get("eps"), h.get("weight_decay"),
          h.flag("amsgrad"));
    }

    @Override
    public String optimizer() {
      return "adamw";
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

    /** The same with decoupled weight decay λ. */
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
    public AdamW create(Map<String, Tensor> parameters) {
      return new AdamW(parameters, this);
    }
  }

  /** AdamW over named parameters. */
  public AdamW(Map<String, Tensor> parameters, Spec spec) {
    super(parameters, spec);
  }

  /** AdamW over parameters named {@code "0"}, {@code "1"}, ... in order. */
  public AdamW(List<Tensor> parameters, Spec spec) {
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
    if (s.weightDecay != 0) {
      float shrink = (float) (1 - s.lr * s.weightDecay);
      for (int i = 0; i < p.length; i++) {
        p[i] *= shrink;
      }
    }
    AdamMoments.update(p, grad, buffers, step, s.lr, s.beta1, s.beta2, s.eps, 0);
  }

  @Override
  void update(double[] p, double[] grad, double[][] buffers, long step) {
    Spec s = spec();
    if (s.weightDecay != 0) {
      double shrink = 1 - s.lr * s.weightDecay;
      for (int i = 0; i < p.length; i++) {
        p[i] *= shrink;
      }
    }
    AdamMoments.update(p, grad, buffers, step, s.lr, s.beta1, s.beta2, s.eps, 0);
  }
}
