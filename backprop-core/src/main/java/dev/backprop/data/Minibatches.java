package dev.backprop.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The row indices of one epoch cut into minibatches. A shuffled order is a function of the seed
 * and the epoch number alone, so epoch k of a resumed run sees exactly the batches of an
 * uninterrupted one. Every row appears exactly once per epoch; the last batch keeps the
 * remainder (it is smaller when the batch size does not divide the row count).
 */
public final class Minibatches implements Iterable<int[]> {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final int[] order;
  private final int batchSize;

  private Minibatches(int[] order, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
    }
    this.order = order;
    this.batchSize = batchSize;
  }

  /**
   * The rows 0..n-1 in a shuffled order (Fisher–Yates, driven by a {@link SplittableRandom}
   * seeded from {@code seed} and {@code epoch}).
   *
   * @param rows n, the number of rows
   * @param batchSize the rows per batch (≥ 1)
   * @param seed the run's seed
   * @param epoch the epoch number; each epoch gets its own order
   * @return the batches of that epoch
   */
  public static Minibatches shuffled(int rows, int batchSize, long seed, int epoch) {
    int[] order = identity(rows);
    SplittableRandom random = new SplittableRandom(epochSeed(seed, epoch));
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return new Minibatches(order, batchSize);
  }

  /**
   * The rows 0..n-1 in order, for evaluation and prediction.
   *
   * @param rows n, the number of rows
   * @param batchSize the rows per batch (≥ 1)
   * @return the batches
   */
  public static Minibatches inOrder(int rows, int batchSize) {
    return new Minibatches(identity(rows), batchSize);
  }

  /** @return the number of batches, ⌈n / batchSize⌉ */
  public int count() {
    return (order.length + batchSize - 1) / batchSize;
  }

  /**
   * @param index the batch number in [0, count())
   * @return a fresh array with the row indices of that batch
   */
  public int[] batch(int index) {
    if (index < 0 || index >= count()) {
      throw new IndexOutOfBoundsException("batch " + index + " outside [0, " + count() + ")");
    }
    int from = index * batchSize;
    int to = Math.min(order.length, from + batchSize);
    int[] rows = new int[to - from];
    System.arraycopy(order, from, rows, 0, rows.length);
    return rows;
  }

  /** @return the batches in order, each a fresh array of row indices */
  @Override
  public Iterator<int[]> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < count();
      }

      @Override
      public int[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return batch(next++);
      }
    };
  }

  // Consecutive seeds would give SplittableRandom streams that are shifts of one another, so the
  // epoch's seed goes through the SplitMix64 finalizer first.
  private static long epochSeed(long seed, int epoch) {
    long z = seed + GOLDEN_GAMMA * (epoch + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static int[] identity(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("row count " + rows + " is negative");
    }
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    return order;
  }
}
