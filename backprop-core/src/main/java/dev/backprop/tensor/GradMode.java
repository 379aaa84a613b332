package dev.backprop.tensor;

/**
 * Whether operations on this thread record the graph. A {@link NoGrad} scope switches recording off
 * for inference and for the backward pass itself.
 */
final class GradMode {
  private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private GradMode() {}

  static boolean enabled() {
    return DISABLED_DEPTH.get()[0] == 0;
  }

  static NoGrad disable() {
    int[] depth = DISABLED_DEPTH.get();
    depth[0]++;
    return new NoGrad(depth);
  }
}
