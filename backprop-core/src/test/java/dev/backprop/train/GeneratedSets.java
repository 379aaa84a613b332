package dev.backprop.train;

import dev.backprop.tensor.Tensor;
import java.util.SplittableRandom;

/** Small seeded data sets for the end-to-end tests. */
final class GeneratedSets {
  private GeneratedSets() {}

  /** The four XOR points, labelled 1 when exactly one input is 1. */
  static Examples xor() {
    float[] x = {0, 0, 0, 1, 1, 0, 1, 1};
    return Examples.classification(Tensor.of(x, 4, 2), new int[] {0, 1, 1, 0}, 2);
  }

  /**
   * Two interleaved spirals of {@code perClass} points each: arm c at angle t has radius t and is
   * turned by π·c, with Gaussian noise of the given scale.
   */
  static Examples spirals(int perClass, double noise, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[2 * perClass * 2];
    int[] labels = new int[2 * perClass];
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < perClass; i++) {
        double t = 0.25 + 3.0 * Math.PI * i / perClass;
        double angle = t + Math.PI * c;
        int row = c * perClass + i;
        x[2 * row] = (float) (t * Math.cos(angle) / (3 * Math.PI) + noise * gaussian(rng));
        x[2 * row + 1] = (float) (t * Math.sin(angle) / (3 * Math.PI) + noise * gaussian(rng));
        labels[row] = c;
      }
    }
    return Examples.classification(Tensor.of(x, 2 * perClass, 2), labels, 2);
  }

  /** y = sin(x) at n points drawn uniformly from [−π, π]. */
  static Examples sine(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (rng.nextDouble(-Math.PI, Math.PI));
      y[i] = (float) Math.sin(x[i]);
    }
    return Examples.regression(Tensor.of(x, n, 1), Tensor.of(y, n, 1));
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
