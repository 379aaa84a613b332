package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.kernels.Parallel;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Training gives the same bits whatever the kernels' thread count, batch normalization and dropout included. */
class ThreadCountDeterminismTest {
  private final int threads = Parallel.threads();

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threads);
  }

  /** 64 features of 10 classes, enough for the matrix products to run in parallel chunks. */
  private static Examples examples(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[n * 64];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(10);
      for (int j = 0; j < 64; j++) {
        x[i * 64 + j] = (float) (rng.nextGaussian() + (j % 10 == labels[i] ? 1 : 0));
      }
    }
    return Examples.classification(Tensor.of(x, n, 64), labels, 10);
  }

  /**
   * A plain MLP trains by the fused step; batch normalization and dropout take the autograd path.
   */
  private static Map<String, Tensor> trainWith(int kernelThreads, boolean plain, List<EpochRecord> records) {
    Parallel.setThreads(kernelThreads);
    Sequential net = plain ? Sequential.mlp(64, 128, 64, 10).build(5)
        : Sequential.mlp(64, 128, 64, 10).batchNorm(true).dropout(0.1).build(5);
    History h = new Trainer(net, new CategoricalCrossEntropy(), TrainingConfig.of(2, 96, 9).withValidationSplit(0.2))
        .fit(examples(600, 2));
    records.addAll(h.epochs());
    return net.state();
  }

  @ParameterizedTest(name = "{0} threads, plain MLP: {1}")
  @CsvSource({"2, true", "3, true", "8, true", "2, false", "3, false", "8, false"})
  void trainingGivesTheSameBitsWithOneThreadOrMore(int kernelThreads, boolean plain) {
    List<EpochRecord> oneRecords = new ArrayList<>();
    Map<String, Tensor> one = trainWith(1, plain, oneRecords);
    List<EpochRecord> manyRecords = new ArrayList<>();
    Map<String, Tensor> many = trainWith(kernelThreads, plain, manyRecords);
    assertThat(many.keySet()).isEqualTo(one.keySet());
    one.forEach((name, t) -> assertThat(sameBits(many.get(name).toFloatArray(), t.toFloatArray())).as(name).isTrue());
    for (int e = 0; e < oneRecords.size(); e++) {
      assertThat(manyRecords.get(e).metrics()).isEqualTo(oneRecords.get(e).metrics());
    }
  }

  @Test
  void theTrainingComparisonNoticesADifferentRun() {
    Map<String, Tensor> a = trainWith(2, false, new ArrayList<>());
    Parallel.setThreads(2);
    Sequential net = Sequential.mlp(64, 128, 64, 10).batchNorm(true).dropout(0.1).build(5);
    new Trainer(net, new CategoricalCrossEntropy(), TrainingConfig.of(2, 96, 10).withValidationSplit(0.2))
        .fit(examples(600, 2));
    assertThat(sameBits(net.state().get("0.weight").toFloatArray(), a.get("0.weight").toFloatArray())).isFalse();
  }

  private static boolean sameBits(float[] a, float[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
        return false;
      }
    }
    return true;
  }
}
