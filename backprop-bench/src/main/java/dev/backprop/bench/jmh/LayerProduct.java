package dev.backprop.bench.jmh;

/**
 * The nine GEMMs of a FMNIST-MLP (784-256-128-10) training step, with the operand layouts and
 * transpose flags of {@code Tensor.linear}: for a layer with input x [B, in], weight W [out, in]
 * and upstream gradient dz [B, out],
 *
 * <ul>
 *   <li>forward z = x·Wᵀ: gemm(transA = false, transB = true, m = B, n = out, k = in);
 *   <li>input gradient dx = dz·W: gemm(false, false, m = B, n = in, k = out);
 *   <li>weight gradient dW = dzᵀ·x: gemm(true, false, m = out, n = in, k = B).
 * </ul>
 */
public enum LayerProduct {
  /** 784 → 256, z = x·Wᵀ. */
  L1_FORWARD(1, Kind.FORWARD),
  /** 784 → 256, dx = dz·W. */
  L1_INPUT_GRADIENT(1, Kind.INPUT_GRADIENT),
  /** 784 → 256, dW = dzᵀ·x. */
  L1_WEIGHT_GRADIENT(1, Kind.WEIGHT_GRADIENT),
  /** 256 → 128, z = x·Wᵀ. */
  L2_FORWARD(2, Kind.FORWARD),
  /** 256 → 128, dx = dz·W. */
  L2_INPUT_GRADIENT(2, Kind.INPUT_GRADIENT),
  /** 256 → 128, dW = dzᵀ·x. */
  L2_WEIGHT_GRADIENT(2, Kind.WEIGHT_GRADIENT),
  /** 128 → 10, z = x·Wᵀ. */
  L3_FORWARD(3, Kind.FORWARD),
  /** 128 → 10, dx = dz·W. */
  L3_INPUT_GRADIENT(3, Kind.INPUT_GRADIENT),
  /** 128 → 10, dW = dzᵀ·x. */
  L3_WEIGHT_GRADIENT(3, Kind.WEIGHT_GRADIENT);

  /** The widths of FMNIST-MLP, input first. */
  static final int[] WIDTHS = {784, 256, 128, 10};

  private enum Kind { FORWARD, INPUT_GRADIENT, WEIGHT_GRADIENT }

  private final int layer;
  private final Kind kind;

  LayerProduct(int layer, Kind kind) {
    this.layer = layer;
    this.kind = kind;
  }

  /** The layer's input width. */
  int in() {
    return WIDTHS[layer - 1];
  }

  /** The layer's output width. */
  int out() {
    return WIDTHS[layer];
  }

  /** Whether A is stored transposed. */
  boolean transA() {
    return kind == Kind.WEIGHT_GRADIENT;
  }

  /** Whether B is stored transposed. */
  boolean transB() {
    return kind == Kind.FORWARD;
  }

  /** Rows of C for a batch of {@code batch} samples. */
  int m(int batch) {
    return kind == Kind.WEIGHT_GRADIENT ? out() : batch;
  }

  /** Columns of C. */
  int n() {
    return kind == Kind.FORWARD ? out() : in();
  }

  /** The inner dimension for a batch of {@code batch} samples. */
  int k(int batch) {
    return switch (kind) {
      case FORWARD -> in();
      case INPUT_GRADIENT -> out();
      case WEIGHT_GRADIENT -> batch;
    };
  }
}
