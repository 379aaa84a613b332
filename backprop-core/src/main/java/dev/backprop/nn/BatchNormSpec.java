package dev.backprop.nn;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The configuration of a {@link BatchNorm} layer.
 *
 * @param features the number of features normalized, at least 1
 * @param eps added to the variance before the square root, positive (PyTorch: 1e-5)
 * @param momentum the weight of each batch in the running statistics, in [0, 1] (PyTorch: 0.1)
 * @param affine whether the layer learns a scale γ and shift β
 */
public record BatchNormSpec(int features, double eps, double momentum, boolean affine) implements LayerSpec {
  /** PyTorch's ε. */
  public static final double DEFAULT_EPS = 1e-5;
  /** PyTorch's momentum. */
  public static final double DEFAULT_MOMENTUM = 0.1;

  /** Validates the values. */
  public BatchNormSpec {
    if (features < 1) {
      throw new IllegalArgumentException("BatchNorm: features must be at least 1, got " + features);
    }
    if (!(eps > 0) || Double.isInfinite(eps)) {
      throw new IllegalArgumentException("BatchNorm: eps must be positive and finite, got " + eps);
    }
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException("BatchNorm: momentum must be in [0, 1], got " + momentum);
    }
  }

  /** The layer; it has no random weights, so {@code rng} is not used. */
  @Override
  public BatchNorm build(RandomGenerator rng) {
    return new BatchNorm(this);
  }

  @Override
  public Map<String, Object> toMap() {
    return SpecMaps.of("type", "BatchNorm", "features", features, "eps", eps, "momentum", momentum, "affine", affine);
  }
}
