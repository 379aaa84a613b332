package dev.backprop.tensor;

/**
 * The loops behind elementwise functions: one plain loop per function and dtype, chosen by a
 * switch outside the loop so the JIT sees a simple, vectorizable body and no call per element.
 */
final class UnaryKernel {
  private UnaryKernel() {}

  /** Functions of x with up to two constant parameters p and q. */
  enum Fn {
    ADD, MUL, DIV, POW, RELU, EXP, LOG, SQRT, ABS, SIGN, TANH, SIGMOID, LEAKY_RELU, LEAKY_RELU_SLOPE,
    ELU, ELU_SLOPE, GELU, GELU_SLOPE, SOFTPLUS, CLAMP, INSIDE
  }

  private static final double GELU_C = Math.sqrt(2 / Math.PI);
  private static final double GELU_K = 0.044715;

  static Tensor map(Tensor x, Fn fn, double p) {
    return map2(x, fn, p, 0);
  }

  static Tensor map2(Tensor x, Fn fn, double p, double q) {
    Tensor y = Tensor.empty(x.dtype, x.shape.clone());
    if (x.f != null) {
      apply(fn, p, q, x.f, y.f);
    } else {
      apply(fn, p, q, x.d, y.d);
    }
    return y;
  }

  private static void apply(Fn fn, double p, double q, float[] x, float[] y) {
    int n = x.length;
    float pf = (float) p;
    float qf = (float) q;
    switch (fn) {
      case ADD -> { for (int i = 0; i < n; i++) y[i] = x[i] + pf; }
      case MUL -> { for (int i = 0; i < n; i++) y[i] = x[i] * pf; }
      case DIV -> { for (int i = 0; i < n; i++) y[i] = x[i] / pf; }
      case RELU -> { for (int i = 0; i < n; i++) y[i] = Math.max(x[i], 0f); }
      case LEAKY_RELU -> { for (int i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : x[i] * pf; }
      case LEAKY_RELU_SLOPE -> { for (int i = 0; i < n; i++) y[i] = x[i] > 0 ? 1f : pf; }
      case ABS -> { for (int i = 0; i < n; i++) y[i] = Math.abs(x[i]); }
      case SIGN -> { for (int i = 0; i < n; i++) y[i] = Math.signum(x[i]); }
      case SQRT -> { for (int i = 0; i < n; i++) y[i] = (float) Math.sqrt(x[i]); }
      case CLAMP -> { for (int i = 0; i < n; i++) y[i] = Math.min(Math.max(x[i], pf), qf); }
      case INSIDE -> { for (int i = 0; i < n; i++) y[i] = x[i] >= pf && x[i] <= qf ? 1f : 0f; }
      default -> { for (int i = 0; i < n; i++) y[i] = (float) scalar(fn, x[i], p); }
    }
  }

  private static void apply(Fn fn, double p, double q, double[] x, double[] y) {
    int n = x.length;
    switch (fn) {
      case ADD -> { for (int i = 0; i < n; i++) y[i] = x[i] + p; }
      case MUL -> { for (int i = 0; i < n; i++) y[i] = x[i] * p; }
      case DIV -> { for (int i = 0; i < n; i++) y[i] = x[i] / p; }
      case CLAMP -> { for (int i = 0; i < n; i++) y[i] = Math.min(Math.max(x[i], p), q); }
      case INSIDE -> { for (int i = 0; i < n; i++) y[i] = x[i] >= p && x[i] <= q ? 1 : 0; }
      default -> { for (int i = 0; i < n; i++) y[i] = scalar(fn, x[i], p); }
    }
  }

  /** The transcendental functions, shared by both dtypes; the switch is hoisted by the JIT's loop unswitching. */
  private static double scalar(Fn fn, double x, double p) {
    return switch (fn) {
      case POW -> Math.pow(x, p);
      case RELU -> Math.max(x, 0);
      case EXP -> Math.exp(x);
      case LOG -> Math.log(x);
      case SQRT -> Math.sqrt(x);
      case ABS -> Math.abs(x);
      case SIGN -> Math.signum(x);
      case TANH -> Math.tanh(x);
      case SIGMOID -> sigmoid(x);
      case LEAKY_RELU -> x > 0 ? x : p * x;
      case LEAKY_RELU_SLOPE -> x > 0 ? 1 : p;
      case ELU -> x > 0 ? x : p * Math.expm1(x);
      case ELU_SLOPE -> x > 0 ? 1 : p * Math.exp(x);
      case GELU -> 0.5 * x * (1 + Math.tanh(GELU_C * (x + GELU_K * x * x * x)));
      case GELU_SLOPE -> geluSlope(x);
      case SOFTPLUS -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
      default -> throw new IllegalStateException("no scalar form for " + fn);
    };
  }

  /** NOTE: branches on the sign so that e^−|x| never overflows. */
  static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  private static double geluSlope(double x) {
    double t = Math.tanh(GELU_C * (x + GELU_K * x * x * x));
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_C * (1 + 3 * GELU_K * x * x);
  }
}
