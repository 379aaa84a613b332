package dev.backprop.optim;

import dev.backprop.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * RMSProp (Hinton), optionally centered and with momentum, as PyTorch's {@code
 * torch.optim.RMSprop}: ε is added after the square root. At each update of a parameter θ:
 *
 * <pre>
 *   g  ← ∇L + λ·θ                      (L2 weight decay λ)
 *   v  ← α·v + (1 − α)·g²
 *   ṽ  ← v − ḡ² with ḡ ← α·ḡ + (1 − α)·g   if centered, else v
 *   if μ &gt; 0:  b ← μ·b + g / (√ṽ + ε);   θ ← θ − η·b
 *   else:      θ ← θ − η·g / (√ṽ + ε)
 * </pre>
 *
 * Buffers: {@code square_avg} (v), {@code momentum_buffer} (b) when μ &gt; 0, {@code grad_avg}
 * (ḡ) when centered.
 */
public final class RMSProp extends Optimizer {
  private static final String[] PLAIN = {"square_avg"};
  private static final String[] MOMENTUM = {"square_avg", "momentum_buffer"};
  private static final String[] CENTERED = {"square_avg", "grad_avg"};
  private static final String[] MOMENTUM_CENTERED = {"square_avg", "momentum_buffer", "grad_avg"};

  /**
   * The hyperparameters; the one-argument constructor takes PyTorch's defaults for the rest
   * (α 0.99, ε 1e-8, no weight decay, no momentum, not centered).
   *
   * @param lr learning rate η ≥ 0
   * @param alpha smoothing constant α ≥ 0 of the squared-gradient average
   * @param eps ε ≥ 0 added to the denominator
   * @param weightDecay L2 penalty λ ≥ 0 added to the gradient
   * @param momentum momentum factor μ ≥ 0
   * @param centered whether to normalize by the estimated variance instead of the raw second
   *     moment
   */
  public record Spec(
      double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered)
      implements OptimizerSpec {
    /** Checks every value. */
    public Spec {
      Hyperparameters.nonNegative("rmsprop", "lr", lr);
      Hyperparameters.nonNegative("rmsprop", "alpha", alpha);
      Hyperparameters.nonNegative("rmsprop", "eps", eps);
      Hyperparameters.nonNegative("rmsprop", "weight_decay", weightDecay);
      Hyperparameters.nonNegative("rmsprop", "momentum", momentum);
    }

    /** RMSProp with learning rate {@code lr} and PyTorch's defaults for the rest. */
    public Spec(double lr) {
      this(lr, 0.99, 1e-8, 0, 0, false);
    }

    static Spec fromMap(Map<String, Double> values) {
      Hyperparameters h = new Hyperparameters("rmsprop", values, new Spec(1e-2).hyperparameters());
      return new Spec(
          h.get("lr"), h.get("alpha"), h.get("eps"), h.get("weight_decay"), h.get("momentum"),
          h.flag("centered"));
    }

    @Override
    public String optimizer() {
      return "rmsprop";
    }

    @Override
    public Spec withLr(double lr) {
      return new Spec(lr, alpha, eps, weightDecay, momentum, centered);
    }

    /** The same with smoothing constant α. */
    public Spec withAlpha(double alpha) {
      return new Spec(lr, alpha, eps, weightDecay, momentum, centered);
    }

    /** The same with ε. */
    public Spec withEps(double eps) {
      return new Spec(lr, alpha, eps, weightDecay, momentum, centered);
    }

    /** The same with L2 weight decay λ. */
    public Spec withWeightDecay(double weightDecay) {
      return new Spec(lr, alpha, eps, weightDecay, momentum, centered);
    }

    /** The same with momentum factor μ. */
    public Spec withMomentum(double momentum) {
      return new Spec(lr, alpha, eps, weightDecay, momentum, centered);
    }

    /** The same, centered or not. */
    public Spec withCentered(boolean centered) {
      return new Spec(lr, alpha, eps, weightDecay, momentum, centered);
    }

    @Override
    public Map<String, Double> hyperparameters() {
      return Hyperparameters.ordered(
          "lr", lr, "alpha", alpha, "eps", eps, "weight_decay", weightDecay, "momentum", momentum,
          "centered", centered);
    }

    @Override
    public RMSProp create(Map<String, Tensor> parameters) {
      return new RMSProp(parameters, this);
    }
  }

  /** RMSProp over named parameters. */
  public RMSProp(Map<String, Tensor> parameters, Spec spec) {
    super(parameters, spec);
  }

  /** RMSProp over parameters named {@code "0"}, {@code "1"}, ... in order. */
  public RMSProp(List<Tensor> parameters, Spec spec) {
    this(named(parameters), spec);
  }

  @Override
  public Spec spec() {
    return (Spec) super.spec();
  }

  @Override
  String[] bufferNames(OptimizerSpec spec) {
    Spec s = (Spec) spec;
    if (s.momentum > 0) {
      return s.centered ? MOMENTUM_CENTERED : MOMENTUM;
    }
    return s.centered ? CENTERED : PLAIN;
  }

  @Override
  void update(float[] p, float[] grad, float[][] buffers, long step) {
    Spec s = spec();
    float[] v = buffers[0];
    float[] b = s.momentum > 0 ? buffers[1] : null;
    float[] gAvg = s.centered ? buffers[buffers.length - 1] : null;
    float a = (float) s.alpha;
    float c = (float) (1 - s.alpha);
    float e = (float) s.eps;
    float wd = (float) s.weightDecay;
    float mu = (float) s.momentum;
    float negLr = (float) -s.lr;
    boolean decay = s.weightDecay != 0;
    for (int i = 0; i < p.length; i++) {
      float g = decay ? grad[i] + wd * p[i] : grad[i];
      v[i] = v[i] * a + c * g * g;
      float variance = v[i];
      if (gAvg != null) {
        gAvg[i] = gAvg[i] * a + c * g;
        variance = variance - gAvg[i] * gAvg[i];
      }
      float denom = (float) Math.sqrt(variance) + e;
      if (b != null) {
        b[i] = b[i] * mu + g / denom;
        p[i] = p[i] + negLr * b[i];
      } else {
        p[i] = p[i] + negLr * g / denom;
      }
    }
  }

  @Override
  void update(double[] p, double[] grad, double[][] buffers, long step) {
    Spec s = spec();
    double[] v = buffers[0];
    double[] b = s.momentum > 0 ? buffers[1] : null;
    double[] gAvg = s.centered ? buffers[buffers.length - 1] : null;
    double a = s.alpha;
    double c = 1 - s.alpha;
    double wd = s.weightDecay;
    double mu = s.momentum;
    double negLr = -s.lr;
    boolean decay = wd != 0;
    for (int i = 0; i < p.length; i++) {
      double g = decay ? grad[i] + wd * p[i] : grad[i];
      v[i] = v[i] * a + c * g * g;
      double variance = v[i];
      if (gAvg != null) {
        gAvg[i] = gAvg[i] * a + c * g;
        variance = variance - gAvg[i] * gAvg[i];
      }
      double denom = Math.sqrt(variance) + s.eps;
      if (b != null) {
        b[i] = b[i] * mu + g / denom;
        p[i] = p[i] + negLr * b[i];
      } else {
        p[i] = p[i] + negLr * g / denom;
      }
    }
  }
}
