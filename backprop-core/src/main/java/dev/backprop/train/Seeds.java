package dev.backprop.train;

/**
 * Derives independent seeds from the run's seed, one per purpose and index, so that the order of
 * epoch e depends on (seed, e) alone and a run resumed at any epoch draws exactly what it would
 * have drawn.
 */
final class Seeds {
  /** The purpose of the per-epoch shuffles. */
  static final long SHUFFLE = 1;
  /** The purpose of the validation split. */
  static final long VALIDATION_SPLIT = 2;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** A seed for (seed, purpose, index): SplitMix64's finalizer applied twice. */
  static long derive(long seed, long purpose, long index) {
    return mix(mix(seed + GOLDEN * purpose) + GOLDEN * (index + 1));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
