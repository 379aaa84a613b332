package dev.backprop.nn;

import dev.backprop.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer (PyTorch's Linear): z = h·Wᵀ + b for a batch h of shape [batch, in],
 * with W stored [out, in] and b of shape [out]. Backward: ∂L/∂W = δᵀ·h, ∂L/∂b = Σ_batch δ and
 * ∂L/∂h = δ·W, where δ = ∂L/∂z.
 *
 * <p>Weights start from an {@link Initializer} (Glorot uniform unless told), biases at zero.
 * Parameters are float32; {@link #toFloat64()} gives a float64 copy.
 */
public final class Dense extends Module {
  private final int in;
  private final int out;
  private final Initializer init;
  private final Tensor weight;
  private final Tensor bias;

  /** A layer with a bias and Glorot-uniform weights drawn from {@code rng}. */
  public Dense(int in, int out, RandomGenerator rng) {
    this(new DenseSpec(in, out, true, Initializer.glorotUniform()), rng);
  }

  /** A layer of the given configuration, its weights drawn from {@code rng}. */
  public Dense(DenseSpec spec, RandomGenerator rng) {
    this(spec, spec.init().sample(rng, spec.out(), spec.in()).requiresGrad(),
        spec.bias() ? Tensor.zeros(spec.out()).requiresGrad() : null);
  }

  private Dense(DenseSpec spec, Tensor weight, Tensor bias) {
    this.in = spec.in();
    this.out = spec.out();
    this.init = spec.init();
    this.weight = weight;
    this.bias = bias;
  }

  /** z = x·Wᵀ + b, fused. */
  @Override
  public Tensor forward(Tensor x) {
    checkInput(this, x, in, weight);
    return Tensor.linear(x, weight, bias);
  }

  /** The weight W, [out, in]: the live parameter. */
  public Tensor weight() {
    return weight;
  }

  /** The bias b, [out], or null for a layer without one: the live parameter. */
  public Tensor bias() {
    return bias;
  }

  @Override
  public DenseSpec spec() {
    return new DenseSpec(in, out, bias != null, init);
  }

  @Override
  public int[] outputShape(int... inputShape) {
    if (inputShape.length != 1 || inputShape[0] != in) {
      throw new IllegalArgumentException(
          this + ": expected examples of shape [" + in + "], got " + Arrays.toString(inputShape));
    }
    return new int[] {out};
  }

  @Override
  Map<String, Tensor> ownParameters() {
    Map<String, Tensor> p = new LinkedHashMap<>();
    p.put("weight", weight);
    if (bias != null) {
      p.put("bias", bias);
    }
    return p;
  }

  @Override
  Module copyWith(Function<String, Tensor> state) {
    return new Dense(spec(), state.apply("weight"), bias == null ? null : state.apply("bias"));
  }

  @Override
  public String toString() {
    return "Dense(in=" + in + ", out=" + out + ", bias=" + (bias != null) + ")";
  }
}
