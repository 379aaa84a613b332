package dev.backprop.tensor;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Verifies analytic gradients against central finite differences in float64:
 * numeric = (f(x + εv) − f(x − εv)) / 2ε. Small inputs are checked element by element; large ones
 * along random directions v, comparing with the analytic directional derivative ∇f·v. A non-scalar
 * output is reduced to a scalar by a fixed random projection, so every output element is covered.
 *
 * <pre>{@code
 * GradCheck.Result r = GradCheck.check(in -> in[0].matmul(in[1]).tanh().sum(), x, w);
 * assert r.passed() : r;
 * }</pre>
 */
public final class GradCheck {
  private final double eps;
  private final double atol;
  private final double rtol;
  private final int maxElements;
  private final int directions;
  private final long seed;

  private GradCheck(double eps, double atol, double rtol, int maxElements, int directions, long seed) {
    this.eps = eps;
    this.atol = atol;
    this.rtol = rtol;
    this.maxElements = maxElements;
    this.directions = directions;
    this.seed = seed;
  }

  /** Defaults as PyTorch's gradcheck: ε 1e-6, atol 1e-5, rtol 1e-3; per element up to 512 elements, else 16 directions. */
  public static GradCheck withDefaults() {
    return new GradCheck(1e-6, 1e-5, 1e-3, 512, 16, 42);
  }

  /** The same check with other tolerances: pass when |analytic − numeric| ≤ atol + rtol·|numeric|. */
  public GradCheck tolerances(double eps, double atol, double rtol) {
    return new GradCheck(eps, atol, rtol, maxElements, directions, seed);
  }

  /** Inputs with more elements than {@code maxElements} are checked along {@code directions} random directions. */
  public GradCheck sampling(int maxElements, int directions, long seed) {
    return new GradCheck(eps, atol, rtol, maxElements, directions, seed);
  }

  /** Checks f with the default settings. */
  public static Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
    return withDefaults().run(f, inputs);
  }

  /** The worst disagreement found, and whether every comparison was within tolerance. */
  public record Result(boolean passed, int input, int element, double analytic, double numeric, int comparisons) {
    /** |analytic − numeric|. */
    public double absoluteError() {
      return Math.abs(analytic - numeric);
    }

    /** |analytic − numeric| / max(|numeric|, tiny). */
    public double relativeError() {
      return absoluteError() / Math.max(Math.abs(numeric), 1e-300);
    }

    @Override
    public String toString() {
      String where = element >= 0 ? "element " + element : "a random direction";
      return String.format(
          "gradcheck %s after %d comparisons; worst: input %d, %s: analytic %.10g, numeric %.10g,"
              + " abs err %.3g, rel err %.3g",
          passed ? "passed" : "FAILED", comparisons, input, where, analytic, numeric,
          absoluteError(), relativeError());
    }
  }

  /** Compares the analytic gradient of f at the given float64 inputs with finite differences. */
  public Result run(Function<Tensor[], Tensor> f, Tensor... inputs) {
    Tensor[] xs = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].dtype != DType.FLOAT64) {
        throw new IllegalArgumentException(
            "gradcheck: input " + i + " is " + inputs[i].dtype + "; finite differences need float64");
      }
      xs[i] = Tensor.of(inputs[i].d, inputs[i].shape).requiresGrad();
    }
    Tensor projection = projection(f, xs);
    Function<Tensor[], Tensor> scalar = in -> project(f.apply(in), projection);
    scalar.apply(xs).backward();
    Worst worst = new Worst();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < xs.length; i++) {
      double[] analytic = xs[i].grad() == null ? new double[xs[i].numel()] : xs[i].grad().d;
      if (xs[i].numel() <= maxElements) {
        for (int e = 0; e < xs[i].numel(); e++) {
          double[] v = new double[xs[i].numel()];
          v[e] = 1;
          worst.offer(i, e, analytic[e], numeric(scalar, xs, i, v));
        }
      } else {
        for (int k = 0; k < directions; k++) {
          double[] v = rng.doubles(xs[i].numel(), -1, 1).toArray();
          double dot = 0;
          for (int e = 0; e < v.length; e++) {
            dot += analytic[e] * v[e];
          }
          worst.offer(i, -1, dot, numeric(scalar, xs, i, v));
        }
      }
    }
    return worst.result();
  }

  /**
   * Keeps the comparison that uses the largest share of its tolerance, |a − n| / (atol + rtol·|n|);
   * a share of at most 1 passes. Ranking by share rather than by the excess over the tolerance makes
   * the worst of many passing comparisons a real disagreement, not an exact zero gradient (whose
   * excess, −atol, beats that of any large gradient).
   */
  private final class Worst {
    private Result result = new Result(true, -1, -1, 0, 0, 0);
    private double worstShare = Double.NEGATIVE_INFINITY;
    private int count;

    void offer(int input, int element, double analytic, double numeric) {
      count++;
      double error = Math.abs(analytic - numeric);
      double tolerance = atol + rtol * Math.abs(numeric);
      double share = error == 0 ? 0 : tolerance == 0 ? Double.POSITIVE_INFINITY : error / tolerance;
      if (Double.isNaN(analytic) || Double.isNaN(numeric)) {
        share = Double.POSITIVE_INFINITY;
      }
      if (share > worstShare) {
        worstShare = share;
        result = new Result(share <= 1, input, element, analytic, numeric, 0);
      }
    }

    Result result() {
      return new Result(result.passed(), result.input(), result.element(), result.analytic(), result.numeric(), count);
    }
  }

  private double numeric(Function<Tensor[], Tensor> scalar, Tensor[] xs, int which, double[] v) {
    try (NoGrad ignored = GradMode.disable()) {
      return (evaluate(scalar, xs, which, v, eps) - evaluate(scalar, xs, which, v, -eps)) / (2 * eps);
    }
  }

  private static double evaluate(Function<Tensor[], Tensor> scalar, Tensor[] xs, int which, double[] v, double step) {
    Tensor[] shifted = xs.clone();
    double[] data = xs[which].d.clone();
    for (int e = 0; e < data.length; e++) {
      data[e] += step * v[e];
    }
    shifted[which] = new Tensor(data, xs[which].shape);
    return scalar.apply(shifted).item();
  }

  /** Random weights that fold a non-scalar output into one number; null for a scalar output. */
  private Tensor projection(Function<Tensor[], Tensor> f, Tensor[] xs) {
    Tensor out;
    try (NoGrad ignored = GradMode.disable()) {
      out = f.apply(xs);
    }
    if (out.numel() == 1) {
      return null;
    }
    double[] w = new SplittableRandom(seed + 1).doubles(out.numel(), -1, 1).toArray();
    return new Tensor(w, out.shape.clone());
  }

  private static Tensor project(Tensor out, Tensor projection) {
    return projection == null ? out.sum() : out.mul(projection).sum();
  }
}
