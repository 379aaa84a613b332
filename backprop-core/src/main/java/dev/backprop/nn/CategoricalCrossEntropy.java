package dev.backprop.nn;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Losses;
import dev.backprop.tensor.Tensor;
import java.util.Arrays;

/**
 * Cross-entropy of softmax(z) against the targets, taking the logits z [N, C], as PyTorch's
 * CrossEntropyLoss. With q = softmax(z) and one-hot or probability targets y, L = −(1/N) Σ_n Σ_c
 * y_nc ln q_nc and ∂L/∂z = (q − y)/N: the output-layer rule of the derivations.
 *
 * <p>Targets are class indices (an {@code int[]}, or a rank-1 tensor of N whole numbers) or
 * probabilities (a tensor [N, C]). Options, as PyTorch:
 *
 * <ul>
 *   <li>label smoothing ε: the targets become (1 − ε)·y + ε/C;
 *   <li>class weights w: each term y_nc ln q_nc is weighted by w_c; with class indices the mean is
 *       the weighted mean, divided by Σ_n w_{y_n} instead of N; with probabilities it is divided
 *       by N.
 * </ul>
 *
 * <p>Without options the fused, stable {@link Losses#crossEntropy} runs directly; with them, the
 * loss is the probability-target form applied to the weighted, smoothed target matrix.
 */
public final class CategoricalCrossEntropy implements Loss {
  private final double[] classWeights;
  private final double labelSmoothing;

  /** Plain cross-entropy: no class weights, no label smoothing. */
  public CategoricalCrossEntropy() {
    this(null, 0);
  }

  private CategoricalCrossEntropy(double[] classWeights, double labelSmoothing) {
    this.classWeights = classWeights;
    this.labelSmoothing = labelSmoothing;
  }

  /** The same loss with a weight per class (finite, non-negative, one per class). */
  public CategoricalCrossEntropy withClassWeights(double... weights) {
    for (int c = 0; c < weights.length; c++) {
      if (!(weights[c] >= 0) || Double.isInfinite(weights[c])) {
        throw new IllegalArgumentException(
            "cross-entropy: class weight " + c + " must be finite and non-negative, got " + weights[c]);
      }
    }
    return new CategoricalCrossEntropy(weights.clone(), labelSmoothing);
  }

  /** The same loss with label smoothing ε in [0, 1]. */
  public CategoricalCrossEntropy withLabelSmoothing(double epsilon) {
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new IllegalArgumentException("cross-entropy: label smoothing must be in [0, 1], got " + epsilon);
    }
    return new CategoricalCrossEntropy(classWeights, epsilon);
  }

  /** The class weights, or null when every class weighs 1; a copy. */
  public double[] classWeights() {
    return classWeights == null ? null : classWeights.clone();
  }

  /** The label smoothing ε. */
  public double labelSmoothing() {
    return labelSmoothing;
  }

  /**
   * The loss of logits [N, C] against class indices (targets of shape [N]) or probabilities
   * (targets of shape [N, C]).
   */
  @Override
  public Tensor compute(Tensor logits, Tensor targets) {
    if (targets.rank() == 1) {
      return compute(logits, classIndices(logits, targets));
    }
    int classes = checkLogits(logits);
    Tensor y = targets;
    if (labelSmoothing > 0) {
      y = y.mul(1 - labelSmoothing).add(labelSmoothing / classes);
    }
    if (classWeights != null) {
      y = y.mul(inDType(Tensor.of(classWeights, classes), logits.dtype()));
    }
    return Losses.crossEntropy(logits, y);
  }

  /** The loss of logits [N, C] against N class indices in [0, C). */
  public Tensor compute(Tensor logits, int[] labels) {
    int classes = checkLogits(logits);
    if (classWeights == null && labelSmoothing == 0) {
      return Losses.crossEntropy(logits, labels);
    }
    int n = logits.size(0);
    if (labels.length != n) {
      throw new IllegalArgumentException(
          "cross-entropy: " + labels.length + " labels for " + n + " rows of logits");
    }
    double[] y = new double[n * classes];
    double total = 0;
    for (int i = 0; i < n; i++) {
      int label = labels[i];
      if (label < 0 || label >= classes) {
        throw new IllegalArgumentException(
            "cross-entropy: label " + label + " at row " + i + " is outside [0, " + classes + ")");
      }
      for (int c = 0; c < classes; c++) {
        y[i * classes + c] = labelSmoothing / classes * weight(c);
      }
      y[i * classes + label] += (1 - labelSmoothing) * weight(label);
      total += weight(label);
    }
    if (total == 0) {
      throw new IllegalArgumentException(
          "cross-entropy: the class weights of this batch's labels sum to 0; the weighted mean is undefined");
    }
    Tensor targets = Tensor.of(y, n, classes);
    return Losses.crossEntropy(logits, inDType(targets, logits.dtype())).mul(n / total);
  }

  private static Tensor inDType(Tensor float64, DType dtype) {
    return dtype == DType.FLOAT32 ? float64.toFloat32() : float64;
  }

  private double weight(int c) {
    return classWeights == null ? 1 : classWeights[c];
  }

  private int checkLogits(Tensor logits) {
    if (logits.rank() != 2) {
      throw new IllegalArgumentException(
          "cross-entropy: logits must be [batch, classes], got " + Arrays.toString(logits.shape()));
    }
    int classes = logits.size(1);
    if (classWeights != null && classWeights.length != classes) {
      throw new IllegalArgumentException(
          "cross-entropy: " + classWeights.length + " class weights for " + classes + " classes");
    }
    return classes;
  }

  private static int[] classIndices(Tensor logits, Tensor targets) {
    double[] v = targets.toDoubleArray();
    int[] labels = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "cross-entropy: target " + v[i] + " at row " + i + " is not a class index; give class"
                + " indices [N] or probabilities " + Arrays.toString(logits.shape()));
      }
      labels[i] = (int) v[i];
    }
    return labels;
  }

  @Override
  public String name() {
    return "cross-entropy";
  }

  @Override
  public Activation outputActivation() {
    return Activation.SOFTMAX;
  }

  @Override
  public String toString() {
    return "CategoricalCrossEntropy(labelSmoothing=" + labelSmoothing + ", classWeights="
        + (classWeights == null ? "none" : Arrays.toString(classWeights)) + ")";
  }
}
