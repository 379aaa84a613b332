package dev.backprop.nn.internal;

import dev.backprop.nn.BinaryCrossEntropy;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Dense;
import dev.backprop.nn.DenseSpec;
import dev.backprop.nn.Dropout;
import dev.backprop.nn.ELU;
import dev.backprop.nn.GELU;
import dev.backprop.nn.HalfSumSquaredError;
import dev.backprop.nn.Identity;
import dev.backprop.nn.Initializer;
import dev.backprop.nn.LeakyReLU;
import dev.backprop.nn.Loss;
import dev.backprop.nn.MeanSquaredError;
import dev.backprop.nn.Module;
import dev.backprop.nn.ReLU;
import dev.backprop.nn.SELU;
import dev.backprop.nn.Sequential;
import dev.backprop.nn.Sigmoid;
import dev.backprop.nn.Tanh;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Seeded random networks, data and losses for the fused-versus-autograd property tests. */
final class RandomMlps {
  private RandomMlps() {}

  /** Every activation layer the fused path supports, with a few parameter values. */
  static final List<Supplier<Module>> ACTIVATIONS = List.of(
      ReLU::new, () -> new LeakyReLU(0.1), () -> new LeakyReLU(-0.3), () -> new ELU(1.0),
      () -> new ELU(0.4), SELU::new, Sigmoid::new, Tanh::new, GELU::new, Identity::new,
      () -> new Dropout(0, 7));

  /** The losses with a fused form. */
  static final List<Supplier<Loss>> LOSSES = List.of(
      CategoricalCrossEntropy::new, MeanSquaredError::new, HalfSumSquaredError::new,
      BinaryCrossEntropy::new);

  /**
   * A network inputs → (0 to 3 hidden layers of 1..12 units) → outputs with random activations
   * (the top one too, for half the networks), some layers without bias, biases random, and, when
   * {@code dropout}, a dropout of random p after a third of the layers.
   */
  static Sequential network(SplittableRandom rng, int inputs, int outputs, boolean dropout) {
    List<Module> layers = new ArrayList<>();
    int in = inputs;
    int hidden = rng.nextInt(4);
    for (int l = 0; l <= hidden; l++) {
      int out = l == hidden ? outputs : 1 + rng.nextInt(12);
      layers.add(dense(rng, in, out, rng.nextInt(4) != 0));
      if (l < hidden || rng.nextBoolean()) {
        layers.add(ACTIVATIONS.get(rng.nextInt(ACTIVATIONS.size())).get());
      }
      if (dropout && rng.nextInt(3) == 0) {
        layers.add(new Dropout(rng.nextDouble(0.1, 0.6), rng.nextLong()));
      }
      in = out;
    }
    return new Sequential(layers);
  }

  /** A dense layer with Glorot weights and, if it has one, a bias uniform in [−0.5, 0.5). */
  static Dense dense(SplittableRandom rng, int in, int out, boolean bias) {
    Dense d = new Dense(new DenseSpec(in, out, bias, Initializer.glorotUniform()), rng);
    if (bias) {
      float[] b = TensorData.floats(d.bias());
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) (rng.nextDouble() - 0.5);
      }
    }
    return d;
  }

  /** {@code count} floats uniform in [lo, hi). */
  static float[] floats(SplittableRandom rng, int count, double lo, double hi) {
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = (float) rng.nextDouble(lo, hi);
    }
    return v;
  }

  /** {@code count} class indices in [0, classes). */
  static int[] labels(SplittableRandom rng, int count, int classes) {
    int[] v = new int[count];
    for (int i = 0; i < count; i++) {
      v[i] = rng.nextInt(classes);
    }
    return v;
  }

  /** Rows [from, from + rows) of a row-major [*, width] array, as a tensor [rows, width]. */
  static Tensor rows(float[] data, int from, int rows, int width) {
    float[] v = new float[rows * width];
    System.arraycopy(data, from * width, v, 0, v.length);
    return Tensor.of(v, rows, width);
  }
}
