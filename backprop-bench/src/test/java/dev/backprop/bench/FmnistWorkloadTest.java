package dev.backprop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.tensor.Tensor;
import dev.backprop.train.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FMNIST-MLP workloads on a small synthetic image set (the real one takes minutes). */
class FmnistWorkloadTest {
  private static final int PIXELS = 784;

  /** Images whose class c lights pixels [78c, 78c + 78) over noise: easy to learn, not trivial. */
  private static float[] images(SplittableRandom rng, int[] labels) {
    float[] x = new float[labels.length * PIXELS];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = rng.nextInt(10);
      for (int j = 0; j < PIXELS; j++) {
        boolean lit = j / 78 == labels[i];
        x[i * PIXELS + j] = (float) (rng.nextDouble() * 0.5 + (lit ? 0.5 : 0));
      }
    }
    return x;
  }

  private static Examples examples(SplittableRandom rng, int n) {
    int[] labels = new int[n];
    return Examples.classification(Tensor.of(images(rng, labels), n, PIXELS), labels, 10);
  }

  @SuppressWarnings("unchecked")
  @Test
  void trainingReportsEveryFigureAndLearnsASeparableSet() {
    SplittableRandom rng = new SplittableRandom(1);
    RunParameters p = new RunParameters("fmnist-train", 3, true, 0, List.of(256));
    Measurement m = FmnistWorkload.train(p, examples(rng, 2000), examples(rng, 500));

    assertThat(m.errors()).isEmpty();
    assertThat(m.figures()).containsOnlyKeys("fmnist_train_samples_per_s", "fmnist_test_accuracy",
        "fmnist_train_wall_s", "fmnist_train_peak_rss_mib");
    assertThat((double) m.figures().get("fmnist_test_accuracy")).isGreaterThan(0.95);
    List<Double> seconds = (List<Double>) m.details().get("epoch_seconds");
    assertThat(seconds).hasSize(3).allMatch(s -> s > 0);
    assertThat((double) m.figures().get("fmnist_train_wall_s"))
        .isCloseTo(seconds.get(0) + seconds.get(1) + seconds.get(2), org.assertj.core.data.Offset.offset(1e-9));
    double median = Stats.median(List.of(2000 / seconds.get(1), 2000 / seconds.get(2)));
    assertThat((double) m.figures().get("fmnist_train_samples_per_s")).isEqualTo(median);
    List<Double> losses = (List<Double>) m.details().get("epoch_mean_loss");
    assertThat(losses).hasSize(3);
    assertThat(losses.get(2)).isLessThan(losses.get(0));
  }

  @Test
  void inferenceReportsLatencyThroughputAndMemory() {
    int[] labels = new int[2048];
    float[] x = images(new SplittableRandom(2), labels);
    RunParameters p = new RunParameters("fmnist-infer", 2, true, 0, List.of(256));
    Measurement m = FmnistWorkload.infer(p, x, labels.length);

    assertThat(m.errors()).isEmpty();
    assertThat(m.figures()).containsOnlyKeys("fmnist_batch1_latency_us",
        "fmnist_batch1024_samples_per_s", "fmnist_infer_peak_rss_mib");
    assertThat(m.figures().values()).allMatch(v -> (double) v > 0 && Double.isFinite((double) v));
    assertThat(m.details()).containsEntry("batch1_calls", 1000);
    assertThat((List<?>) m.details().get("batch1024_samples_per_s_repeats")).hasSize(3);
  }

  @Test
  void inferenceRefusesFewerImagesThanOneBatch() {
    RunParameters p = new RunParameters("fmnist-infer", 2, true, 0, List.of(256));
    assertThatThrownBy(() -> FmnistWorkload.infer(p, new float[10 * PIXELS], 10))
        .hasMessage("fmnist-infer needs at least 1024 images, got 10");
  }

  @Test
  void aDirectoryWithoutTheDataIsAnErrorNamingTheMissingFile(@TempDir Path empty) {
    RunParameters p = new RunParameters("fmnist-train", 2, true, 0, List.of(256));
    Measurement train = FmnistWorkload.train(p, empty);
    Measurement infer = FmnistWorkload.infer(
        new RunParameters("fmnist-infer", 2, true, 0, List.of(256)), empty);

    assertThat(train.figures()).isEmpty();
    assertThat(train.errors()).containsOnlyKeys("fmnist-train");
    assertThat(train.errors().get("fmnist-train")).startsWith("cannot read Fashion-MNIST: ")
        .contains("train-images-idx3-ubyte");
    assertThat(infer.figures()).isEmpty();
    assertThat(infer.errors().get("fmnist-infer")).startsWith("cannot read Fashion-MNIST: ")
        .contains("t10k-images-idx3-ubyte");
  }
}
