package dev.backprop.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.data.Task;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.Examples;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One model loaded from its file serves predictions to 32 threads at once, each getting the very
 * bits of a sequential call, for {@code backprop.concurrency.seconds} per model (default 60; the build
 * passes {@code -Dconcurrency.seconds}, 10 unless set). Two models: a plain MLP, which predicts through
 * the fused forward pass, and one with batch normalization and dropout, which goes through the modules.
 */
class ConcurrentPredictionTest {
  private static final int CALLERS = 32;

  @TempDir
  Path dir;

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

  private SavedModel loadedModel(boolean plain) throws IOException {
    Sequential net = plain ? Sequential.mlp(64, 128, 64, 10).build(5)
        : Sequential.mlp(64, 128, 64, 10).batchNorm(true).dropout(0.1).build(5);
    Trainer trainer = new Trainer(net, new CategoricalCrossEntropy(), TrainingConfig.of(2, 64, 9));
    trainer.fit(examples(512, 1));
    Path file = dir.resolve("model.bpm");
    SavedModel.of(net, trainer.loss(), Task.CLASSIFICATION, Preprocessing.none(), Provenance.untrained()).save(file);
    return SavedModel.load(file);
  }

  @ParameterizedTest(name = "plain MLP: {0}")
  @ValueSource(booleans = {true, false})
  void predictionsFrom32ThreadsAtOnceAreBitIdenticalToSequentialOnes(boolean plain) throws Exception {
    SavedModel model = loadedModel(plain);
    // Batch sizes around the predictor's 1,024-row slices and the kernels' chunking.
    int[] sizes = {1, 3, 64, 257, 1024, 1500};
    List<Tensor> inputs = new ArrayList<>();
    List<float[]> expected = new ArrayList<>();
    for (int k = 0; k < sizes.length; k++) {
      Tensor x = examples(sizes[k], 100 + k).features();
      inputs.add(x);
      expected.add(model.predict(x).toFloatArray());
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
          if (!sameBits(model.predict(inputs.get(k)).toFloatArray(), expected.get(k))) {
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
    System.out.printf("concurrent prediction (%s): %d threads, %d predictions in %s, %d differed%n",
        plain ? "plain MLP" : "batch norm and dropout", CALLERS, predictions.get(), duration(), mismatches.get());
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
}
