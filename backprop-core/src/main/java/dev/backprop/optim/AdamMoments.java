package dev.backprop.optim;

/**
 * The bias-corrected moment update that Adam and AdamW share, in PyTorch's order of operations so
 * that float32 results agree with its CPU path:
 *
 * <pre>
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   v̂ ← max(v̂, v) if amsgrad, else v
 *   θ ← θ − (η / (1 − β1ᵗ)) · m / (√v̂ / √(1 − β2ᵗ) + ε)
 * </pre>
 */
final class AdamMoments {
  static final String[] BUFFERS = {"exp_avg", "exp_avg_sq"};
  static final String[] AMSGRAD_BUFFERS = {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"};

  private AdamMoments() {}

  /**
   * One update at step t of a float32 parameter with gradient {@code grad + l2·θ}; {@code
   * buffers} are m, v and, for amsgrad, the running maximum of v.
   */
  static void update(
      float[] p, float[] grad, float[][] buffers, long t,
      double lr, double beta1, double beta2, double eps, double l2) {
    float[] m = buffers[0];
    float[] v = buffers[1];
    float[] vMax = buffers.length > 2 ? buffers[2] : null;
    float b1 = (float) beta1;
    float c1 = (float) (1 - beta1);
    float b2 = (float) beta2;
    float c2 = (float) (1 - beta2);
    float e = (float) eps;
    float decay = (float) l2;
    boolean decayed = l2 != 0;
    // The bias corrections in double precision, as PyTorch computes them from Python floats.
    float negStepSize = (float) -(lr / (1 - Math.pow(beta1, t)));
    float correction2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
    for (int i = 0; i < p.length; i++) {
      float g = decayed ? grad[i] + decay * p[i] : grad[i];
      m[i] = m[i] * b1 + c1 * g;
      v[i] = v[i] * b2 + c2 * g * g;
      float second = v[i];
      if (vMax != null) {
        vMax[i] = Math.max(vMax[i], second);
        second = vMax[i];
      }
      float denom = (float) Math.sqrt(second) / correction2Sqrt + e;
      p[i] = p[i] + negStepSize * m[i] / denom;
    }
  }

  /** The float64 twin of {@link #update(float[], float[], float[][], long, double, double,
   * double, double, double)}. */
  static void update(
      double[] p, double[] grad, double[][] buffers, long t,
      double lr, double beta1, double beta2, double eps, double l2) {
    double[] m = buffers[0];
    double[] v = buffers[1];
    double[] vMax = buffers.length > 2 ? buffers[2] : null;
    double c1 = 1 - beta1;
    double c2 = 1 - beta2;
    boolean decayed = l2 != 0;
    double negStepSize = -(lr / (1 - Math.pow(beta1, t)));
    double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    for (int i = 0; i < p.length; i++) {
      double g = decayed ? grad[i] + l2 * p[i] : grad[i];
      m[i] = m[i] * beta1 + c1 * g;
      v[i] = v[i] * beta2 + c2 * g * g;
      double second = v[i];
      if (vMax != null) {
        vMax[i] = Math.max(vMax[i], second);
        second = vMax[i];
      }
      double denom = Math.sqrt(second) / correction2Sqrt + eps;
      p[i] = p[i] + negStepSize * m[i] / denom;
    }
  }
}
