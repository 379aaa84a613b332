package dev.backprop.tensor;

/**
 * Elementwise functions of one tensor, each with its derivative beside it. The loops live in
 * {@link UnaryKernel}; each rule here reads like a line of a table of derivatives.
 */
final class ElementwiseUnary {
  private ElementwiseUnary() {}

  /** d/dx (x + c) = 1. */
  static Tensor addScalar(Tensor x, double c) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.ADD, c);
    return Node.record(y, "add", g -> new Tensor[] {g}, x);
  }

  /** d/dx (c·x) = c. */
  static Tensor mulScalar(Tensor x, double c) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.MUL, c);
    return Node.record(y, "mul", g -> new Tensor[] {g.mul(c)}, x);
  }

  /** d/dx (x / c) = 1 / c. */
  static Tensor divScalar(Tensor x, double c) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.DIV, c);
    return Node.record(y, "div", g -> new Tensor[] {g.div(c)}, x);
  }

  /** d/dx (−x) = −1. */
  static Tensor neg(Tensor x) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.MUL, -1);
    return Node.record(y, "neg", g -> new Tensor[] {g.neg()}, x);
  }

  /** d/dx x^p = p·x^(p−1). */
  static Tensor pow(Tensor x, double p) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.POW, p);
    return Node.record(y, "pow", g -> new Tensor[] {g.mul(x.pow(p - 1).mul(p))}, x);
  }

  /** d/dx e^x = e^x. */
  static Tensor exp(Tensor x) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.EXP, 0);
    return Node.record(y, "exp", g -> new Tensor[] {g.mul(y)}, x);
  }

  /** d/dx ln x = 1 / x. */
  static Tensor log(Tensor x) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.LOG, 0);
    return Node.record(y, "log", g -> new Tensor[] {g.div(x)}, x);
  }

  /** d/dx √x = 1 / (2√x). */
  static Tensor sqrt(Tensor x) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.SQRT, 0);
    return Node.record(y, "sqrt", g -> new Tensor[] {g.div(y.mul(2))}, x);
  }

  /** d/dx |x| = sign(x). NOTE: 0 at the kink x = 0, as PyTorch. */
  static Tensor abs(Tensor x) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.ABS, 0);
    return Node.record(y, "abs", g -> new Tensor[] {g.mul(UnaryKernel.map(x, UnaryKernel.Fn.SIGN, 0))}, x);
  }

  /** d/dx tanh x = 1 − tanh² x. */
  static Tensor tanh(Tensor x) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.TANH, 0);
    return Node.record(y, "tanh", g -> new Tensor[] {g.mul(y.mul(y).neg().add(1))}, x);
  }

  /** d/dx σ(x) = σ(x)(1 − σ(x)). */
  static Tensor sigmoid(Tensor x) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.SIGMOID, 0);
    return Node.record(y, "sigmoid", g -> new Tensor[] {g.mul(y.mul(y.neg().add(1)))}, x);
  }

  /** d/dx max(x, 0) = 1 for x &gt; 0, else 0. NOTE: 0 at the kink, as PyTorch. */
  static Tensor relu(Tensor x) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.RELU, 0);
    return Node.record(y, "relu", g -> new Tensor[] {g.mul(UnaryKernel.map(x, UnaryKernel.Fn.LEAKY_RELU_SLOPE, 0))}, x);
  }

  /** d/dx leakyRelu(x) = 1 for x &gt; 0, α otherwise. */
  static Tensor leakyRelu(Tensor x, double alpha) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.LEAKY_RELU, alpha);
    return Node.record(
        y, "leakyRelu", g -> new Tensor[] {g.mul(UnaryKernel.map(x, UnaryKernel.Fn.LEAKY_RELU_SLOPE, alpha))}, x);
  }

  /** d/dx elu(x) = 1 for x &gt; 0, α·e^x = elu(x) + α otherwise. */
  static Tensor elu(Tensor x, double alpha) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.ELU, alpha);
    return Node.record(
        y, "elu", g -> new Tensor[] {g.mul(UnaryKernel.map(x, UnaryKernel.Fn.ELU_SLOPE, alpha))}, x);
  }

  /**
   * GELU in its tanh form, u = √(2/π)(x + 0.044715x³): d/dx ½x(1 + tanh u) = ½(1 + tanh u) +
   * ½x(1 − tanh² u)·√(2/π)(1 + 3·0.044715x²).
   */
  static Tensor gelu(Tensor x) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.GELU, 0);
    return Node.record(y, "gelu", g -> new Tensor[] {g.mul(UnaryKernel.map(x, UnaryKernel.Fn.GELU_SLOPE, 0))}, x);
  }

  /** d/dx ln(1 + e^x) = σ(x). NOTE: computed as max(x, 0) + ln(1 + e^−|x|) to avoid overflow. */
  static Tensor softplus(Tensor x) {
    Tensor y = UnaryKernel.map(x, UnaryKernel.Fn.SOFTPLUS, 0);
    return Node.record(y, "softplus", g -> new Tensor[] {g.mul(UnaryKernel.map(x, UnaryKernel.Fn.SIGMOID, 0))}, x);
  }

  /** d/dx clamp(x, lo, hi) = 1 inside [lo, hi], 0 outside. */
  static Tensor clamp(Tensor x, double lo, double hi) {
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("clamp: min " + lo + " is greater than max " + hi);
    }
    Tensor y = UnaryKernel.map2(x, UnaryKernel.Fn.CLAMP, lo, hi);
    return Node.record(
        y, "clamp", g -> new Tensor[] {g.mul(UnaryKernel.map2(x, UnaryKernel.Fn.INSIDE, lo, hi))}, x);
  }
}
