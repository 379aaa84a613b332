package dev.backprop.nn;

/**
 * A counter-based generator after SplitMix64: the i-th number of stream k under a seed is a pure
 * function of (seed, k, i). A stream's whole state is the counter k, a plain long, so it can be
 * saved in a checkpoint and resumed bit for bit, and no number depends on which thread asks.
 */
final class SplitMix {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private SplitMix() {}

  /** The starting point of stream {@code k} under {@code seed}. */
  static long stream(long seed, long k) {
    return mix64(mix64(seed) + GOLDEN_GAMMA * (k + 1));
  }

  /** The i-th uniform double in [0, 1) of the stream starting at {@code start}. */
  static double uniform(long start, long i) {
    return (mix64(start + GOLDEN_GAMMA * (i + 1)) >>> 11) * 0x1.0p-53;
  }

  /** The i-th 64-bit value of the stream starting at {@code start}. */
  static long next(long start, long i) {
    return mix64(start + GOLDEN_GAMMA * (i + 1));
  }

  /** Stafford's variant 13 finalizer, as SplitMix64 uses: a bijection that scrambles every bit. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
