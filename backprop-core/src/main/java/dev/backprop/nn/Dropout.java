package dev.backprop.nn;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.Map;
import java.util.function.Function;

/**
 * Inverted dropout: in training mode each element is kept with probability 1 − p and scaled by
 * 1 / (1 − p), or zeroed, so the expected output equals the input; in evaluation mode it is the
 * identity. The gradient flows through the kept elements with the same scale.
 *
 * <p>Masks are explicit randomness: the mask of the k-th training call is a pure function of
 * (seed, k) (a SplitMix64 stream), and the layer's only state is the call counter k, which {@link
 * Module#generatorStates()} exposes for checkpoints. Same seed, same calls: same masks, bit for bit.
 */
public final class Dropout extends Module {
  private static final String GENERATOR = "generator";

  private final double p;
  private final long seed;
  private long calls;

  /** Dropout with drop probability p in [0, 1] and the seed of its masks. */
  public Dropout(double p, long seed) {
    this(new DropoutSpec(p, seed));
  }

  /** Dropout of the given configuration, at call 0. */
  public Dropout(DropoutSpec spec) {
    this.p = spec.p();
    this.seed = spec.seed();
  }

  /** Training: x ⊙ mask with mask_i ∈ {0, 1/(1 − p)}; evaluation: x. */
  @Override
  public Tensor forward(Tensor x) {
    if (!isTraining() || p == 0) {
      return x;
    }
    return x.mul(mask(x.dtype(), x.shape(), calls++));
  }

  /** The mask of the k-th training call for an input of the given shape. */
  private Tensor mask(DType dtype, int[] shape, long k) {
    Tensor mask = Tensor.zeros(dtype, shape);
    int n = mask.numel();
    if (dtype == DType.FLOAT32) {
      fill(TensorData.floats(mask), n, k);
    } else {
      long start = SplitMix.stream(seed, k);
      double scale = 1 / (1 - p);
      double[] m = TensorData.doubles(mask);
      for (int i = 0; i < n; i++) {
        m[i] = SplitMix.uniform(start, i) >= p ? scale : 0;
      }
    }
    return mask;
  }

  private void fill(float[] m, int n, long k) {
    long start = SplitMix.stream(seed, k);
    float scale = (float) (1 / (1 - p));
    for (int i = 0; i < n; i++) {
      m[i] = SplitMix.uniform(start, i) >= p ? scale : 0f;
    }
  }

  /**
   * Writes the float32 mask of this layer's next training-mode call over {@code n} elements into
   * {@code into} and advances the call counter, exactly as {@link #forward} on a tensor of n
   * elements in training mode would: for fused training kernels, which must draw the very masks
   * this layer draws. Each element is 0 or 1 / (1 − p).
   */
  public void nextMask(float[] into, int n) {
    fill(into, n, calls++);
  }

  /** The drop probability. */
  public double p() {
    return p;
  }

  @Override
  public DropoutSpec spec() {
    return new DropoutSpec(p, seed);
  }

  @Override
  public int[] outputShape(int... inputShape) {
    return inputShape.clone();
  }

  @Override
  Map<String, Long> ownGeneratorStates() {
    return Map.of(GENERATOR, calls);
  }

  @Override
  void restoreOwnGeneratorState(String name, long state) {
    if (!GENERATOR.equals(name) || state < 0) {
      throw new IllegalArgumentException(
          "Dropout: cannot set generator '" + name + "' to " + state + "; expected '" + GENERATOR + "' >= 0");
    }
    calls = state;
  }

  @Override
  Module copyWith(Function<String, Tensor> state) {
    Dropout copy = new Dropout(spec());
    copy.calls = calls;
    return copy;
  }

  @Override
  public String toString() {
    return "Dropout(p=" + p + ")";
  }
}
