package dev.backprop.tensor;

/**
 * A scope in which no operation records a graph: use it for inference. Obtain one from {@link
 * Tensor#noGrad()} in a try-with-resources statement; scopes nest.
 */
public final class NoGrad implements AutoCloseable {
  private final int[] depth;
  private boolean closed;

  NoGrad(int[] depth) {
    this.depth = depth;
  }

  /** Ends the scope; closing twice has no further effect. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      depth[0]--;
    }
  }
}
