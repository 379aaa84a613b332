package dev.backprop.kernels;

import java.util.Arrays;

/**
 * A dense layer's bias and elementwise activation, fused into one pass over its output, and the
 * activation's derivative fused with the bias gradient's column sums in the backward pass.
 *
 * <p>Forward, over a [rows, width] block: h ← f(z + b), b broadcast over the rows. Backward:
 * δ ← g ⊙ f'(z), and ∂L/∂b += Σ_rows δ. Each function is evaluated exactly as the tensor package's
 * elementwise operations evaluate it (transcendental ones in double precision, rounded once to
 * float), so a fused network and its autograd twin agree to the last bit wherever their products
 * are summed in the same order.
 *
 * <p>The switch over the function sits outside every loop, so each loop body is a plain expression
 * the JIT can unroll (and, for the piecewise-linear ones, vectorize).
 */
public enum ActivationKernel {
  /** f(z) = z. */
  IDENTITY,
  /** f(z) = max(z, 0); f' = 1 for z &gt; 0, else 0 (read from h: h &gt; 0 exactly when z &gt; 0). */
  RELU,
  /** f(z) = z for z &gt; 0, else a·z; f' = 1 or a; parameter a is the slope. */
  LEAKY_RELU,
  /** f(z) = z for z &gt; 0, else α(e^z − 1); f' = 1 or α·e^z; parameter α. */
  ELU,
  /** f(z) = λ·elu(z, α) with SELU's constants; f' = λ·elu'(z). */
  SELU,
  /** f(z) = 1 / (1 + e^−z); f' = h(1 − h). */
  SIGMOID,
  /** f(z) = tanh z; f' = 1 − h². */
  TANH,
  /** f(z) = ½z(1 + tanh u), u = √(2/π)(z + 0.044715z³): GELU's tanh form. */
  GELU;

  /** SELU's α (Klambauer et al., 2017). */
  public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  /** SELU's λ (Klambauer et al., 2017). */
  public static final double SELU_SCALE = 1.0507009873554804934193349852946;

  private static final double GELU_C = Math.sqrt(2 / Math.PI);
  private static final double GELU_K = 0.044715;

  /**
   * Whether {@link #backward} needs the pre-activation z. When it does not, z need not be kept: the
   * forward pass may run in place, with {@code h == z}.
   */
  public boolean backwardNeedsInput() {
    return this == LEAKY_RELU || this == ELU || this == SELU || this == GELU;
  }

  /**
   * h[r·w + j] ← f(z[r·w + j] + b[j]) for r &lt; rows, j &lt; w. When {@link #backwardNeedsInput()},
   * z[r·w + j] ← z[r·w + j] + b[j] as well, for the backward pass to read; otherwise z is left to
   * the caller, who usually passes {@code h == z} to activate in place.
   *
   * @param param the slope of LEAKY_RELU, the α of ELU; ignored by the others
   */
  public void forward(float[] z, float[] bias, float[] h, int rows, int width, double param) {
    switch (this) {
      case IDENTITY -> addBias(z, bias, h, rows, width);
      case RELU -> relu(z, bias, h, rows, width);
      case LEAKY_RELU -> leakyRelu(z, bias, h, rows, width, (float) param);
      case SIGMOID -> sigmoid(z, bias, h, rows, width);
      case TANH -> tanh(z, bias, h, rows, width);
      default -> transcendental(z, bias, h, rows, width, param);
    }
  }

  private static void addBias(float[] z, float[] b, float[] h, int rows, int width) {
    for (int r = 0, at = 0; r < rows; r++, at += width) {
      for (int j = 0; j < width; j++) {
        h[at + j] = z[at + j] + b[j];
      }
    }
  }

  private static void relu(float[] z, float[] b, float[] h, int rows, int width) {
    for (int r = 0, at = 0; r < rows; r++, at += width) {
      for (int j = 0; j < width; j++) {
        h[at + j] = Math.max(z[at + j] + b[j], 0f);
      }
    }
  }

  private static void leakyRelu(float[] z, float[] b, float[] h, int rows, int width, float slope) {
    for (int r = 0, at = 0; r < rows; r++, at += width) {
      for (int j = 0; j < width; j++) {
        float v = z[at + j] + b[j];
        z[at + j] = v;
        h[at + j] = v > 0 ? v : v * slope;
      }
    }
  }

  private static void sigmoid(float[] z, float[] b, float[] h, int rows, int width) {
    for (int r = 0, at = 0; r < rows; r++, at += width) {
      for (int j = 0; j < width; j++) {
        h[at + j] = (float) sigmoid(z[at + j] + b[j]);
      }
    }
  }

  private static void tanh(float[] z, float[] b, float[] h, int rows, int width) {
    for (int r = 0, at = 0; r < rows; r++, at += width) {
      for (int j = 0; j < width; j++) {
        h[at + j] = (float) Math.tanh(z[at + j] + b[j]);
      }
    }
  }

  /** ELU, SELU and GELU: z keeps z + b, which their derivatives read. */
  private void transcendental(float[] z, float[] b, float[] h, int rows, int width, double param) {
    for (int r = 0, at = 0; r < rows; r++, at += width) {
      for (int j = 0; j < width; j++) {
        float v = z[at + j] + b[j];
        z[at + j] = v;
        h[at + j] = value(v, param);
      }
    }
  }

  /** f(x) for one element of the functions that need double precision. */
  private float value(double x, double param) {
    return switch (this) {
      case ELU -> (float) (x > 0 ? x : param * Math.expm1(x));
      // λ applied in float after the ELU, as the composed layer x.elu(α).mul(λ) does.
      case SELU -> (float) (x > 0 ? x : SELU_ALPHA * Math.expm1(x)) * (float) SELU_SCALE;
      case GELU -> (float) (0.5 * x * (1 + Math.tanh(GELU_C * (x + GELU_K * x * x * x))));
      default -> throw new IllegalStateException(name() + " has a loop of its own");
    };
  }

  /**
   * 1 / (1 + e^−x) for x ≥ 0 and e^x / (1 + e^x) otherwise. NOTE: only e^−|x| is computed, so it
   * never overflows; and the sign picks the numerator instead of a branch, which the signs of a
   * layer's inputs would make unpredictable.
   */
  static double sigmoid(double x) {
    double e = Math.exp(-Math.abs(x));
    return (x >= 0 ? 1.0 : e) / (1 + e);
  }

  /**
   * g ← g ⊙ f'(z) over a [rows, width] block, with z the kept pre-activation (for the functions
   * that {@link #backwardNeedsInput()}) and h the output. When {@code biasGrad} is not null the
   * column sums of the result are added to it, summed row by row in {@code sums} first (as a
   * reduction over the batch axis followed by gradient accumulation would).
   *
   * @param param the parameter given to {@link #forward}
   * @param sums scratch of at least {@code width} floats, used only with {@code biasGrad}
   */
  public void backward(float[] g, float[] z, float[] h, int rows, int width, double param,
      float[] sums, float[] biasGrad) {
    if (biasGrad != null) {
      Arrays.fill(sums, 0, width, 0f);
    }
    for (int r = 0; r < rows; r++) {
      int at = r * width;
      switch (this) {
        case IDENTITY -> { }
        case RELU -> reluSlope(g, h, at, width);
        case SIGMOID -> sigmoidSlope(g, h, at, width);
        case TANH -> tanhSlope(g, h, at, width);
        case LEAKY_RELU -> leakySlope(g, z, at, width, (float) param);
        default -> transcendentalSlope(g, z, at, width, param);
      }
      if (biasGrad != null) {
        for (int j = 0; j < width; j++) {
          sums[j] += g[at + j];
        }
      }
    }
    if (biasGrad != null) {
      for (int j = 0; j < width; j++) {
        biasGrad[j] += sums[j];
      }
    }
  }

  private static void reluSlope(float[] g, float[] h, int at, int width) {
    for (int j = 0; j < width; j++) {
      g[at + j] *= h[at + j] > 0 ? 1f : 0f;
    }
  }

  private static void sigmoidSlope(float[] g, float[] h, int at, int width) {
    for (int j = 0; j < width; j++) {
      float y = h[at + j];
      g[at + j] *= y * (1f - y);
    }
  }

  private static void tanhSlope(float[] g, float[] h, int at, int width) {
    for (int j = 0; j < width; j++) {
      float y = h[at + j];
      g[at + j] *= 1f - y * y;
    }
  }

  private static void leakySlope(float[] g, float[] z, int at, int width, float slope) {
    for (int j = 0; j < width; j++) {
      g[at + j] *= z[at + j] > 0 ? 1f : slope;
    }
  }

  private void transcendentalSlope(float[] g, float[] z, int at, int width, double param) {
    for (int j = 0; j < width; j++) {
      g[at + j] = slope(g[at + j], z[at + j], param);
    }
  }

  /** g·f'(x) for one element of the functions whose derivative needs z. */
  private float slope(float g, double x, double param) {
    return switch (this) {
      case ELU -> g * (float) (x > 0 ? 1 : param * Math.exp(x));
      // The composed layer scales the incoming gradient by λ first, then applies elu'.
      case SELU -> g * (float) SELU_SCALE * (float) (x > 0 ? 1 : SELU_ALPHA * Math.exp(x));
      case GELU -> g * (float) geluSlope(x);
      default -> throw new IllegalStateException(name() + " has a loop of its own");
    };
  }

  private static double geluSlope(double x) {
    double t = Math.tanh(GELU_C * (x + GELU_K * x * x * x));
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_C * (1 + 3 * GELU_K * x * x);
  }
}
