package dev.backprop.explain;

/** Plain loops over doubles, written from the notes' formulas, to hold the explanation against. */
final class Reference {
  private Reference() {}

  /** z = W·h + b. */
  static double[] affine(Matrix w, Matrix b, double[] h) {
    double[] z = new double[w.rows()];
    for (int i = 0; i < w.rows(); i++) {
      z[i] = b.get(i, 0);
      for (int j = 0; j < w.cols(); j++) {
        z[i] += w.get(i, j) * h[j];
      }
    }
    return z;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  static double[] sigmoid(double[] z) {
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = sigmoid(z[i]);
    }
    return out;
  }

  /** qᵢ = e^zᵢ / Σⱼ e^zⱼ. */
  static double[] softmax(double[] z) {
    double total = 0;
    for (double v : z) {
      total += Math.exp(v);
    }
    double[] q = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      q[i] = Math.exp(z[i]) / total;
    }
    return q;
  }
}
