package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.kernels.Parallel;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.tensor.Tensor;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same seed gives the same bits, whatever the number of threads the kernels use. */
class DeterminismTest {
  private final int threads = Parallel.threads();

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threads);
  }

  /** Random 64-feature examples of 10 classes: big enough that the matrix products run in parallel. */
  private static Examples examples() {
    SplittableRandom rng = new SplittableRandom(8);
    float[] x = new float[512 * 64];
    int[] labels = new int[512];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextGaussian();
    }
    for (int i = 0; i < labels.length; i++) {
      labels[i] = rng.nextInt(10);
    }
    return Examples.classification(Tensor.of(x, 512, 64), labels, 10);
  }

  private static Map<String, Tensor> train(int threads, long seed) {
    Parallel.setThreads(threads);
    Sequential net = Sequential.mlp(64, 256, 10).dropout(0.1).build(1);
    new Trainer(net, new CategoricalCrossEntropy(), TrainingConfig.of(2, 128, seed).withValidationSplit(0.25))
        .fit(examples());
    return net.state();
  }

  private static boolean sameBits(Map<String, Tensor> a, Map<String, Tensor> b) {
    return a.keySet().equals(b.keySet())
        && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k).toFloatArray(), b.get(k).toFloatArray()));
  }

  @Test
  void theSameSeedGivesBitIdenticalWeightsWithOneOrTwoThreads() {
    Map<String, Tensor> one = train(1, 42);
    Map<String, Tensor> two = train(2, 42);
    assertThat(sameBits(one, two)).isTrue();
  }

  @Test
  void anotherSeedShufflesDifferentlyAndGivesOtherWeights() {
    assertThat(sameBits(train(2, 42), train(2, 43))).isFalse();
  }
}
