package dev.backprop.nn;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Batch normalization over the features of a [batch, features] input, as PyTorch's BatchNorm1d:
 *
 * <pre>
 *   y = γ ⊙ (x − μ) / √(σ² + ε) + β
 * </pre>
 *
 * <p>In training mode μ and σ² are the batch mean and <em>biased</em> variance (divided by N), and
 * the running statistics move towards the batch's: running_mean ← (1 − m)·running_mean + m·μ,
 * running_var ← (1 − m)·running_var + m·σ²·N/(N − 1) (the <em>unbiased</em> variance). In
 * evaluation mode μ and σ² are the running statistics and nothing changes. The forward pass is
 * composed from differentiable primitives, so its gradient is exact in both modes.
 *
 * <p>γ ({@code weight}) starts at 1 and β ({@code bias}) at 0; {@code running_mean} at 0 and {@code
 * running_var} at 1.
 */
public final class BatchNorm extends Module {
  private final BatchNormSpec spec;
  private final Tensor gamma;
  private final Tensor beta;
  private final Tensor runningMean;
  private final Tensor runningVar;

  /** Batch normalization of {@code features} features with PyTorch's defaults: ε 1e-5, momentum 0.1, affine. */
  public BatchNorm(int features) {
    this(new BatchNormSpec(features, BatchNormSpec.DEFAULT_EPS, BatchNormSpec.DEFAULT_MOMENTUM, true));
  }

  /** Batch normalization of the given configuration, in its initial state. */
  public BatchNorm(BatchNormSpec spec) {
    this(spec,
        spec.affine() ? Tensor.ones(spec.features()).requiresGrad() : null,
        spec.affine() ? Tensor.zeros(spec.features()).requiresGrad() : null,
        Tensor.zeros(spec.features()),
        Tensor.ones(spec.features()));
  }

  private BatchNorm(BatchNormSpec spec, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVar) {
    this.spec = spec;
    this.gamma = gamma;
    this.beta = beta;
    this.runningMean = runningMean;
    this.runningVar = runningVar;
  }

  /** Normalizes with the batch statistics (training) or the running statistics (evaluation). */
  @Override
  public Tensor forward(Tensor x) {
    checkInput(this, x, spec.features(), runningMean);
    Tensor normalized = isTraining() ? normalizeWithBatchStatistics(x) : x.sub(runningMean).div(runningVar.add(spec.eps()).sqrt());
    return spec.affine() ? normalized.mul(gamma).add(beta) : normalized;
  }

  private Tensor normalizeWithBatchStatistics(Tensor x) {
    int n = x.size(0);
    if (n < 2) {
      throw new IllegalArgumentException(
          this + ": training needs more than one example per batch to estimate a variance, got " + n);
    }
    Tensor mean = x.mean(new int[] {0}, true);
    Tensor centered = x.sub(mean);
    Tensor variance = centered.mul(centered).mean(new int[] {0}, true);
    try (var ignored = Tensor.noGrad()) {
      updateRunning(runningMean, mean);
      updateRunning(runningVar, variance.mul((double) n / (n - 1)));
    }
    return centered.div(variance.add(spec.eps()).sqrt());
  }

  /** running ← (1 − m)·running + m·batch, in place. */
  private void updateRunning(Tensor running, Tensor batch) {
    double m = spec.momentum();
    double[] b = batch.toDoubleArray();
    if (running.dtype() == DType.FLOAT32) {
      float[] r = TensorData.floats(running);
      for (int i = 0; i < r.length; i++) {
        r[i] = (float) ((1 - m) * r[i] + m * b[i]);
      }
    } else {
      double[] r = TensorData.doubles(running);
      for (int i = 0; i < r.length; i++) {
        r[i] = (1 - m) * r[i] + m * b[i];
      }
    }
  }

  /** γ, [features], or null without affine parameters: the live parameter. */
  public Tensor weight() {
    return gamma;
  }

  /** β, [features], or null without affine parameters: the live parameter. */
  public Tensor bias() {
    return beta;
  }

  /** The running mean, [features]: the live buffer. */
  public Tensor runningMean() {
    return runningMean;
  }

  /** The running (unbiased) variance, [features]: the live buffer. */
  public Tensor runningVar() {
    return runningVar;
  }

  @Override
  public BatchNormSpec spec() {
    return spec;
  }

  @Override
  public int[] outputShape(int... inputShape) {
    if (inputShape.length != 1 || inputShape[0] != spec.features()) {
      throw new IllegalArgumentException(
          this + ": expected examples of shape [" + spec.features() + "], got " + Arrays.toString(inputShape));
    }
    return inputShape.clone();
  }

  @Override
  Map<String, Tensor> ownParameters() {
    Map<String, Tensor> p = new LinkedHashMap<>();
    if (spec.affine()) {
      p.put("weight", gamma);
      p.put("bias", beta);
    }
    return p;
  }

  @Override
  Map<String, Tensor> ownBuffers() {
    Map<String, Tensor> b = new LinkedHashMap<>();
    b.put("running_mean", runningMean);
    b.put("running_var", runningVar);
    return b;
  }

  @Override
  Module copyWith(Function<String, Tensor> state) {
    return new BatchNorm(spec,
        spec.affine() ? state.apply("weight") : null,
        spec.affine() ? state.apply("bias") : null,
        state.apply("running_mean"),
        state.apply("running_var"));
  }

  @Override
  public String toString() {
    return "BatchNorm(features=" + spec.features() + ", eps=" + spec.eps() + ", momentum="
        + spec.momentum() + ", affine=" + spec.affine() + ")";
  }
}
