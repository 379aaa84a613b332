package dev.backprop.bench.jmh;

import java.util.SplittableRandom;

/** Seeded inputs for the benchmarks: every run multiplies the same numbers. */
final class Matrices {
  private Matrices() {}

  /** {@code count} standard-normal float32 values from a generator seeded with {@code seed}. */
  static float[] gaussian(long seed, int count) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return v;
  }
}
