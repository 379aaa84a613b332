package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.kernels.Parallel;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.tensor.Tensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One trained network serves predictions from 32 threads at once, each getting the bits of a
 * sequential call; and training gives the same bits whatever the kernels' thread count. The
 * prediction run lasts {@code backprop.concurrency.seconds} (default 60; the build passes
 * {@code -Dconcurrency.seconds}, 15 unless set).
 */
class ConcurrencyTest {
  private static final int CALLERS = 32;
  private final int threads = Parallel.threads();

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threads);
  }

  static Duration duration() {
    return Duration.ofMillis((long) (1000 * Double.parseDouble(System.getProperty("backprop.concurrency.seconds", "60"))));
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

  private static Sequential trainedNetwork() {
    Sequential net = Sequential.mlp(64, 128, 64, 10).batchNorm(true).dropout(0.1).build(5);
    new Trainer(net, new CategoricalCrossEntropy(), TrainingConfig.of(2, 64, 9)).fit(examples(512, 1));
    return net;
  }

  @Test
  void predictionsFrom32ThreadsAtOnceAreBitIdenticalToSequentialOnes() throws Exception {
    Predictor predictor = Predictor.of(trainedNetwork(), new CategoricalCrossEntropy());
    // Batch sizes around the predictor's 1,024-row slices and the kernels' chunking.
    List<Tensor> inputs = new ArrayList<>();
    List<float[]> expected = new ArrayList<>();
    int[] sizes = {1, 3, 64, 257, 1024, 1500};
    for (int k = 0; k < sizes.length; k++) {
      Tensor x = examples(sizes[k], 100 + k).features();
      inputs.add(x);
      expected.add(predictor.predict(x).toFloatArray());
    }
    AtomicLong predictions = new AtomicLong();
    AtomicLong mismatches = new AtomicLong();
    long deadline = System.nanoTime() + duration().toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    List<Future<Long>> callers = new ArrayList<>();
    for (int t = 0; t < CALLERS; t++) {
      SplittableRandom pick = new SplittableRandom(t);
      callers.add(pool.submit(() -> {
        long mine = 0;
        do {
          int k = pick.nextInt(inputs.size());
          float[] got = predictor.predict(inputs.get(k)).toFloatArray();
          if (!sameBits(got, expected.get(k))) {
            mismatches.incrementAndGet();
          }
          mine++;
          predictions.incrementAndGet();
        } while (System.nanoTime() < deadline);
        return mine;
      }));
    }
    pool.shutdown();
    for (Future<Long> caller : callers) {
      assertThat(caller.get()).isPositive();
    }
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    System.out.printf("concurrent prediction: %d threads, %d predictions in %s, %d differed%n", CALLERS,
        predictions.get(), duration(), mismatches.get());
    assertThat(mismatches.get()).isZero();
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

  private static Map<String, Tensor> trainWith(int kernelThreads, List<EpochRecord> records) {
    Parallel.setThreads(kernelThreads);
    Sequential net = Sequential.mlp(64, 128, 64, 10).batchNorm(true).dropout(0.1).build(5);
    History h = new Trainer(net, new CategoricalCrossEntropy(), TrainingConfig.of(2, 96, 9).withValidationSplit(0.2))
        .fit(examples(600, 2));
    records.addAll(h.epochs());
    return net.state();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 8})
  void trainingGivesTheSameBitsWithOneThreadOrMore(int kernelThreads) {
    List<EpochRecord> oneRecords = new ArrayList<>();
    Map<String, Tensor> one = trainWith(1, oneRecords);
    List<EpochRecord> manyRecords = new ArrayList<>();
    Map<String, Tensor> many = trainWith(kernelThreads, manyRecords);
    assertThat(many.keySet()).isEqualTo(one.keySet());
    one.forEach((name, t) -> assertThat(sameBits(many.get(name).toFloatArray(), t.toFloatArray())).as(name).isTrue());
    for (int e = 0; e < oneRecords.size(); e++) {
      assertThat(manyRecords.get(e).metrics()).isEqualTo(oneRecords.get(e).metrics());
    }
  }

  @Test
  void theTrainingComparisonNoticesADifferentRun() {
    Map<String, Tensor> a = trainWith(2, new ArrayList<>());
    Parallel.setThreads(2);
    Sequential net = Sequential.mlp(64, 128, 64, 10).batchNorm(true).dropout(0.1).build(5);
    new Trainer(net, new CategoricalCrossEntropy(), TrainingConfig.of(2, 96, 10).withValidationSplit(0.2))
        .fit(examples(600, 2));
    assertThat(sameBits(net.state().get("0.weight").toFloatArray(), a.get("0.weight").toFloatArray())).isFalse();
  }
}
