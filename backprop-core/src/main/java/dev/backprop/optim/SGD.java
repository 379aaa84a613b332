package dev.backprop.optim;

import dev.backprop.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent, with optional momentum, Nesterov momentum and L2 weight decay, as
 * PyTorch's {@code torch.optim.SGD}. At update t of a parameter θ with gradient ∇L:
 *
 * <pre>
 *   g ← ∇L + λ·θ                        (weight decay λ, added to the gradient)
 *   if μ ≠ 0:
 *     b ← g                 if t = 1
 *     b ← μ·b + (1 − τ)·g   otherwise  (momentum μ, dampening τ)
 *     g ← g + μ·b           if nesterov
 *     g ← b                 otherwise
 *   θ ← θ − η·g
 * </pre>
 *
 * With μ = 0 this is plain gradient descent θ ← θ − η∇L. Buffer: {@code momentum_buffer} (b),
 * only when μ ≠ 0.
 */
public final class SGD extends Optimizer {
  private static final String[] MOMENTUM = {"momentum_buffer"};
  private static final String[] NONE = {};

  /**
   * The hyperparameters; the one-argument constructor takes PyTorch's defaults for the rest.
   *
   * @param lr learning rate η ≥ 0
   * @param momentum momentum factor μ ≥ 0
   * @param dampening dampening τ ≥ 0 of the gradient added to the momentum buffer
   * @param weightDecay L2 penalty λ ≥ 0, added to the gradient
   * @param nesterov whether to use Nesterov momentum (needs μ &gt; 0 and τ = 0)
   */
  public record Spec(
      double lr, double momentum, double dampening, double weightDecay, boolean nesterov)
      implements OptimizerSpec {
    /** Checks every value. */
    public Spec {
      Hyperparameters.nonNegative("sgd", "lr", lr);
      Hyperparameters.nonNegative("sgd", "momentum", momentum);
      Hyperparameters.nonNegative("sgd", "dampening", dampening);
      Hyperparameters.nonNegative("sgd", "weight_decay", weightDecay);
      if (nesterov && (momentum <= 0 || dampening != 0)) {
        throw new IllegalArgumentException(
            "sgd: Nesterov momentum needs momentum > 0 and dampening 0, got momentum " + momentum
                + " and dampening " + dampening);
      }
    }

    /** Plain gradient descent with learning rate {@code lr}: no momentum, no weight decay. */
    public Spec(double lr) {
      this(lr, 0, 0, 0, false);
    }

    static Spec fromMap(Map<String, Double> values) {
      Hyperparameters h = new Hyperparameters("sgd", values, new Spec(1e-3).hyperparameters());
      return new Spec(
          h.get("lr"), h.get("momentum"), h.get("dampening"), h.get("weight_decay"),
          h.flag("nesterov"));
    }

    @Override
    public String optimizer() {
      return "sgd";
    }

    @Override
    public Spec withLr(double lr) {
      return new Spec(lr, momentum, dampening, weightDecay, nesterov);
    }

    /** The same with momentum factor μ. */
    public Spec withMomentum(double momentum) {
      return new Spec(lr, momentum, dampening, weightDecay, nesterov);
    }

    /** The same with dampening τ. */
    public Spec withDampening(double dampening) {
      return new Spec(lr, momentum, dampening, weightDecay, nesterov);
    }

    /** The same with L2 weight decay λ. */
    public Spec withWeightDecay(double weightDecay) {
      return new Spec(lr, momentum, dampening, weightDecay, nesterov);
    }

    /** The same with Nesterov momentum on or off. */
    public Spec withNesterov(boolean nesterov) {
      return new Spec(lr, momentum, dampening, weightDecay, nesterov);
    }

    @Override
    public Map<String, Double> hyperparameters() {
      return Hyperparameters.ordered(
          "lr", lr, "momentum", momentum, "dampening", dampening, "weight_decay", weightDecay,
          "nesterov", nesterov);
    }

    @Override
    public SGD create(Map<String, Tensor> parameters) {
      return new SGD(parameters, this);
    }
  }

  /** SGD over named parameters. */
  public SGD(Map<String, Tensor> parameters, Spec spec) {
    super(parameters, spec);
  }

  /** SGD over parameters named {@code "0"}, {@code "1"}, ... in order. */
  public SGD(List<Tensor> parameters, Spec spec) {
    this(named(parameters), spec);
  }

  @Override
  public Spec spec() {
    return (Spec) super.spec();
  }

  @Override
  String[] bufferNames(OptimizerSpec spec) {
    return ((Spec) spec).momentum != 0 ? MOMENTUM : NONE;
  }

  @Override
  void update(float[] p, float[] grad, float[][] buffers, long step) {
    Spec s = spec();
    float wd = (float) s.weightDecay;
    float mu = (float) s.momentum;
    float keep = (float) (1 - s.dampening);
    float negLr = (float) -s.lr;
    boolean decay = s.weightDecay != 0;
    boolean nesterov = s.nesterov;
    float[] b = s.momentum != 0 ? buffers[0] : null;
    for (int i = 0; i < p.length; i++) {
      float g = decay ? grad[i] + wd * p[i] : grad[i];
      if (b != null) {
        b[i] = step == 1 ? g : b[i] * mu + keep * g;
        g = nesterov ? g + mu * b[i] : b[i];
      }
      p[i] = p[i] + negLr * g;
    }
  }

  @Override
  void update(double[] p, double[] grad, double[][] buffers, long step) {
    Spec s = spec();
    double wd = s.weightDecay;
    double mu = s.momentum;
    double keep = 1 - s.dampening;
    double negLr = -s.lr;
    boolean decay = wd != 0;
    boolean nesterov = s.nesterov;
    double[] b = mu != 0 ? buffers[0] : null;
    for (int i = 0; i < p.length; i++) {
      double g = decay ? grad[i] + wd * p[i] : grad[i];
      if (b != null) {
        b[i] = step == 1 ? g : b[i] * mu + keep * g;
        g = nesterov ? g + mu * b[i] : b[i];
      }
      p[i] = p[i] + negLr * g;
    }
  }
}
