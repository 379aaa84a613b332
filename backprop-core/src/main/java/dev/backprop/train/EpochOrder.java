package dev.backprop.train;

import java.util.SplittableRandom;

/** The order in which an epoch visits the training examples. */
final class EpochOrder {
  private EpochOrder() {}

  /**
   * Rows 0..n−1, shuffled by Fisher–Yates with a generator seeded from (seed, epoch) when {@code
   * shuffle} is on, else in order.
   */
  static int[] of(int n, long seed, int epoch, boolean shuffle) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (shuffle) {
      SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.SHUFFLE, epoch));
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }
}
