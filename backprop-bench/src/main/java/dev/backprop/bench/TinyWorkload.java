package dev.backprop.bench;

import dev.backprop.tensor.Losses;
import dev.backprop.tensor.NoGrad;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * TINY of BENCHMARKS.md: a 2-8-8-1 network with sigmoid units, mean squared error, plain SGD
 * (lr 0.1) on batches of 4 XOR-like points. Every step goes through the tensor API and its
 * autograd graph; the figure is steps per second, so it measures the per-step overhead.
 */
final class TinyWorkload {
  static final int POINTS = 1024;
  static final int BATCH = 4;
  static final float LEARNING_RATE = 0.1f;
  private static final int[] WIDTHS = {2, 8, 8, 1};

  /** Weights and biases, layer by layer: W [out, in], b [out]. */
  private final Tensor[] params = new Tensor[2 * (WIDTHS.length - 1)];
  private final Tensor x;
  private final Tensor t;
  private final Tensor[] batchInputs = new Tensor[POINTS / BATCH];
  private final Tensor[] batchTargets = new Tensor[POINTS / BATCH];
  private long steps;

  TinyWorkload(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] data = xorData(rng.split(), POINTS);
    x = Tensor.of(data[0], POINTS, 2);
    t = Tensor.of(data[1], POINTS, 1);
    for (int i = 0; i < batchInputs.length; i++) {
      batchInputs[i] = x.slice(i * BATCH, (i + 1) * BATCH).detach();
      batchTargets[i] = t.slice(i * BATCH, (i + 1) * BATCH).detach();
    }
    for (int l = 0; l + 1 < WIDTHS.length; l++) {
      // PyTorch's default Linear init, which the reference uses: U(−1/√fan_in, 1/√fan_in).
      double bound = 1 / Math.sqrt(WIDTHS[l]);
      params[2 * l] = uniform(rng, bound, WIDTHS[l + 1], WIDTHS[l]).requiresGrad();
      params[2 * l + 1] = uniform(rng, bound, WIDTHS[l + 1]).requiresGrad();
    }
  }

  /**
   * Points uniform in [0, 1]², with target 1 when exactly one coordinate exceeds 0.5, else 0.
   *
   * @return {inputs [n·2] row-major, targets [n]}
   */
  static float[][] xorData(SplittableRandom rng, int n) {
    float[] inputs = new float[2 * n];
    float[] targets = new float[n];
    for (int i = 0; i < n; i++) {
      inputs[2 * i] = (float) rng.nextDouble();
      inputs[2 * i + 1] = (float) rng.nextDouble();
      targets[i] = (inputs[2 * i] > 0.5f) != (inputs[2 * i + 1] > 0.5f) ? 1f : 0f;
    }
    return new float[][] {inputs, targets};
  }

  /** The network's output σ(W₃·σ(W₂·σ(W₁x + b₁) + b₂) + b₃) for rows x [n, 2]. */
  Tensor forward(Tensor inputs) {
    Tensor h = inputs;
    for (int l = 0; 2 * l < params.length; l++) {
      h = Tensor.linear(h, params[2 * l], params[2 * l + 1]).sigmoid();
    }
    return h;
  }

  /** One SGD step on the next batch (batches are taken in order, cycling): θ ← θ − lr·∂L/∂θ. */
  void step() {
    batchLoss((int) (steps++ % batchInputs.length)).backward();
    for (Tensor p : params) {
      float[] theta = TensorData.floats(p);
      float[] grad = TensorData.floats(p.grad());
      for (int k = 0; k < theta.length; k++) {
        theta[k] -= LEARNING_RATE * grad[k];
      }
      p.zeroGrad();
    }
  }

  /** The mean squared error on batch {@code i}, recorded for backward. */
  Tensor batchLoss(int i) {
    return Losses.mse(forward(batchInputs[i]), batchTargets[i]);
  }

  /** The mean squared error over all the points. */
  double loss() {
    try (NoGrad ignored = Tensor.noGrad()) {
      return Losses.mse(forward(x), t).item();
    }
  }

  /** The parameters, layer by layer (W₁, b₁, W₂, …), live. */
  Tensor[] parameters() {
    return params.clone();
  }

  /**
   * Figures {@code tiny_steps_per_s} (median of 5 timed runs of at least 1 s each, after warm-up
   * in 100-step calls until steady, see {@link CallTimer#warmUp}; 3 runs of 0.2 s when quick)
   * and {@code tiny_peak_rss_mib}.
   */
  static Measurement run(RunParameters p) {
    TinyWorkload tiny = new TinyWorkload(p.seed());
    double seconds = p.quick() ? 0.2 : 1.0;
    CallTimer.Warmup warmup = CallTimer.warmUp(tiny::hundredSteps, seconds);
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < (p.quick() ? 3 : 5); r++) {
      rates.add(tiny.stepsPerSecond(seconds));
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("tiny_steps_per_s", Stats.median(rates));
    figures.put("tiny_peak_rss_mib", ProcessFacts.peakRssMib());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("steps_per_s_repeats", rates);
    details.put("warmup_steps", 100 * warmup.calls());
    details.put("warmup_seconds", warmup.seconds());
    details.put("warmup_steady", warmup.steady());
    details.put("steps", tiny.steps);
    details.put("final_mse_on_data", tiny.loss());
    return new Measurement(figures, Map.of(), details);
  }

  /** Steps per second over blocks of 100 steps, until at least {@code minSeconds} have passed. */
  private double stepsPerSecond(double minSeconds) {
    long start = System.nanoTime();
    long count = 0;
    while (true) {
      hundredSteps();
      count += 100;
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (elapsed >= minSeconds) {
        return count / elapsed;
      }
    }
  }

  private void hundredSteps() {
    for (int s = 0; s < 100; s++) {
      step();
    }
  }

  private static Tensor uniform(SplittableRandom rng, double bound, int... shape) {
    Tensor u = Tensor.rand(rng, shape);
    float[] v = TensorData.floats(u);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((2 * v[i] - 1) * bound);
    }
    return u;
  }
}
