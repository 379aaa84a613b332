package dev.backprop.tensor;

import java.util.Arrays;

/**
 * Loss functions fused for numerical stability, each with the closed-form gradient the
 * derivations give. All return a scalar averaged over the batch (the first axis) or, for {@link
 * #mse}, over all elements.
 */
public final class Losses {
  private Losses() {}

  /**
   * Cross-entropy of softmax(logits) against class indices: L = −(1/N) Σ_n ln softmax(z_n)[y_n].
   * Gradient: dL/dz = (softmax(z) − onehot(y)) / N.
   *
   * @param logits [N, C] unnormalized scores
   * @param labels N class indices in [0, C)
   */
  public static Tensor crossEntropy(Tensor logits, int[] labels) {
    int[] nc = matrix("crossEntropy", logits);
    int n = nc[0];
    int c = nc[1];
    if (labels.length != n) {
      throw new IllegalArgumentException(
          "crossEntropy: " + labels.length + " labels for logits of shape " + Shapes.str(logits.shape));
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= c) {
        throw new IllegalArgumentException(
            "crossEntropy: label " + labels[i] + " at row " + i + " is outside [0, " + c + ")");
      }
    }
    Tensor logp = Softmax.compute(logits, 1, true);
    double total = 0;
    for (int i = 0; i < n; i++) {
      total -= logp.get(i * c + labels[i]);
    }
    Tensor loss = Tensor.full(logits.dtype, total / n);
    int[] y = labels.clone();
    return Node.record(loss, "crossEntropy", g -> {
      Tensor dz = logp.exp();
      for (int i = 0; i < n; i++) {
        dz.set(i * c + y[i], dz.get(i * c + y[i]) - 1);
      }
      return new Tensor[] {dz.mul(g.item() / n)};
    }, logits);
  }

  /**
   * Cross-entropy of softmax(logits) against probability targets: L = −(1/N) Σ_n Σ_c y_nc ln
   * softmax(z_n)_c. Gradient: dL/dz = (softmax(z)·Σ_c y − y) / N, which is (softmax(z) − y) / N
   * when each row of y sums to 1; dL/dy = −logSoftmax(z) / N.
   */
  public static Tensor crossEntropy(Tensor logits, Tensor targets) {
    sameShape("crossEntropy", logits, targets);
    int n = matrix("crossEntropy", logits)[0];
    Tensor logp = Softmax.compute(logits, 1, true);
    Tensor loss = Tensor.full(logits.dtype, -dot(targets, logp) / n);
    return Node.record(loss, "crossEntropy", g -> {
      double scale = g.item() / n;
      Tensor rowMass = targets.sum(new int[] {1}, true);
      return new Tensor[] {
          logp.exp().mul(rowMass).sub(targets).mul(scale), logp.mul(-scale)};
    }, logits, targets);
  }

  /**
   * Binary cross-entropy of σ(logits) against targets in [0, 1], averaged over all elements:
   * L = mean(max(z, 0) − z·y + ln(1 + e^−|z|)). Gradient: dL/dz = (σ(z) − y) / numel.
   */
  public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor targets) {
    sameShape("binaryCrossEntropyWithLogits", logits, targets);
    int count = logits.numel();
    double total = 0;
    for (int i = 0; i < count; i++) {
      double z = logits.get(i);
      total += Math.max(z, 0) - z * targets.get(i) + Math.log1p(Math.exp(-Math.abs(z)));
    }
    Tensor loss = Tensor.full(logits.dtype, total / count);
    return Node.record(loss, "binaryCrossEntropyWithLogits", g -> {
      double scale = g.item() / count;
      return new Tensor[] {
          UnaryKernel.map(logits, UnaryKernel.Fn.SIGMOID, 0).sub(targets).mul(scale),
          logits.mul(-scale)};
    }, logits, targets);
  }

  /** Mean squared error over all elements: L = mean((p − t)²). Gradient: dL/dp = 2(p − t) / numel. */
  public static Tensor mse(Tensor predictions, Tensor targets) {
    sameShape("mse", predictions, targets);
    return squared(predictions, targets, "mse", 1.0 / predictions.numel());
  }

  /**
   * The derivations' ½·Σ over outputs, averaged over the batch: L = (1/N) Σ_n ½ Σ_k (p_nk −
   * t_nk)². Gradient: dL/dp = (p − t) / N.
   */
  public static Tensor halfSumSquaredError(Tensor predictions, Tensor targets) {
    sameShape("halfSumSquaredError", predictions, targets);
    int n = predictions.shape.length == 0 ? 1 : predictions.shape[0];
    return squared(predictions, targets, "halfSumSquaredError", 0.5 / n);
  }

  /** scale · Σ (p − t)²; gradient 2·scale·(p − t), and its negative for t. */
  private static Tensor squared(Tensor p, Tensor t, String op, double scale) {
    Tensor diff;
    try (NoGrad ignored = GradMode.disable()) {
      diff = p.sub(t);
    }
    Tensor loss = Tensor.full(p.dtype, dot(diff, diff) * scale);
    return Node.record(loss, op, g -> {
      Tensor dp = diff.mul(2 * scale * g.item());
      return new Tensor[] {dp, t.requiresGrad ? dp.neg() : null};
    }, p, t);
  }

  private static double dot(Tensor a, Tensor b) {
    double s = 0;
    for (int i = 0; i < a.numel(); i++) {
      s += a.get(i) * b.get(i);
    }
    return s;
  }

  private static int[] matrix(String op, Tensor logits) {
    if (logits.shape.length != 2) {
      throw new IllegalArgumentException(
          op + ": logits must be [batch, classes], got " + Shapes.str(logits.shape));
    }
    return logits.shape;
  }

  private static void sameShape(String op, Tensor a, Tensor b) {
    if (a.dtype != b.dtype) {
      throw new IllegalArgumentException(
          op + ": dtypes " + a.dtype + " and " + b.dtype + " differ; convert one with toFloat32() or toFloat64()");
    }
    if (!Arrays.equals(a.shape, b.shape)) {
      throw new IllegalArgumentException(
          op + ": predictions " + Shapes.str(a.shape) + " and targets " + Shapes.str(b.shape) + " differ in shape");
    }
  }
}
