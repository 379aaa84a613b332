package dev.backprop.train;

import dev.backprop.data.BuiltinData;
import dev.backprop.data.Dataset;
import dev.backprop.tensor.Tensor;

/** The data sets of the end-to-end tests: the four XOR points, and the data package's generated sets. */
final class GeneratedSets {
  private GeneratedSets() {}

  /** The XOR truth table: label 1 when exactly one input is 1. */
  static Examples xor() {
    float[] x = {0, 0, 0, 1, 1, 0, 1, 1};
    return Examples.classification(Tensor.of(x, 4, 2), new int[] {0, 1, 1, 0}, 2);
  }

  /** Two interleaved spirals of 1.25 turns ({@code builtin:spirals}). */
  static Examples spirals(int n, double noise, long seed) {
    return of(BuiltinData.spirals(n, 2, noise, seed));
  }

  /** y = sin(x) on [−π, π], without noise ({@code builtin:sine?noise=0}). */
  static Examples sine(int n, long seed) {
    return of(BuiltinData.sine(n, 0, seed));
  }

  /** A data package data set as examples. */
  static Examples of(Dataset d) {
    Tensor x = Tensor.of(d.features(), d.size(), d.featureCount());
    return d.classNames().isEmpty()
        ? Examples.regression(x, Tensor.of(d.targets(), d.size(), d.targetNames().size()))
        : Examples.classification(x, d.labels(), d.classNames().size());
  }
}
