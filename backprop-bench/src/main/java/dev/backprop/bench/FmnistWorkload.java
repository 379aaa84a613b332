package dev.backprop.bench;

import dev.backprop.data.DataException;
import dev.backprop.data.Dataset;
import dev.backprop.data.DatasetSplit;
import dev.backprop.data.IdxReader;
import dev.backprop.nn.Activation;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.EpochRecord;
import dev.backprop.train.Examples;
import dev.backprop.train.History;
import dev.backprop.train.Predictor;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingConfig;
import dev.backprop.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FMNIST-MLP of BENCHMARKS.md through the public API, as a user would write it: a 784-256-128-10
 * ReLU MLP ({@link Sequential#mlp}, He-normal weights, zero biases) trained by a {@link Trainer}
 * (cross-entropy, Adam 1e-3, batch 128, reshuffled per epoch) and run forward by a {@link
 * Predictor} that returns the logits, as the PyTorch reference's model does.
 */
final class FmnistWorkload {
  static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");
  static final int[] WIDTHS = {784, 256, 128, 10};
  static final int BATCH = 128;
  static final int INFER_BATCH = 1024;

  private FmnistWorkload() {}

  /** Figures of fmnist-train on the Fashion-MNIST files in {@code directory}, or why they cannot be read. */
  static Measurement train(RunParameters p, Path directory) {
    DatasetSplit data;
    try {
      data = IdxReader.readDirectory(directory);
    } catch (DataException e) {
      return Measurement.failed(p.workload(), "cannot read Fashion-MNIST: " + e.getMessage());
    }
    return train(p, examples(data.train()), examples(data.holdout()));
  }

  /**
   * Trains for {@code p.epochs()} epochs and reports {@code fmnist_train_samples_per_s} (median
   * over epochs 2–4 of n / epoch seconds), {@code fmnist_test_accuracy}, {@code
   * fmnist_train_wall_s} and {@code fmnist_train_peak_rss_mib}. An epoch's time runs from the
   * end of the previous one (so it includes drawing the permutation) to its last optimizer step.
   */
  static Measurement train(RunParameters p, Examples train, Examples test) {
    Sequential net = Sequential.mlp(WIDTHS).activation(Activation.RELU).build(p.seed());
    CategoricalCrossEntropy loss = new CategoricalCrossEntropy();
    Trainer trainer = new Trainer(net, loss, TrainingConfig.of(p.epochs(), BATCH, p.seed()));
    EpochClock clock = new EpochClock();
    History history = trainer.addListener(clock).fit(train);
    int[] predicted = Predictor.of(net, Activation.IDENTITY).predictClasses(test.features());
    int[] labels = test.labels();
    long correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    List<Double> seconds = clock.seconds;
    List<Double> rates = new ArrayList<>();
    for (double s : seconds.subList(1, Math.min(4, seconds.size()))) {
      rates.add(train.size() / s);
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("fmnist_train_samples_per_s", Stats.median(rates));
    figures.put("fmnist_test_accuracy", (double) correct / labels.length);
    figures.put("fmnist_train_wall_s", seconds.stream().mapToDouble(Double::doubleValue).sum());
    figures.put("fmnist_train_peak_rss_mib", ProcessFacts.peakRssMib());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("epoch_seconds", seconds);
    details.put("epoch_mean_loss", Arrays.stream(history.metric("loss")).boxed().toList());
    details.put("train_examples", train.size());
    details.put("test_examples", test.size());
    return new Measurement(figures, Map.of(), details);
  }

  /** Figures of fmnist-infer on the Fashion-MNIST test images in {@code directory}, or why they cannot be read. */
  static Measurement infer(RunParameters p, Path directory) {
    Dataset test;
    try {
      test = IdxReader.read(directory.resolve("t10k-images-idx3-ubyte.gz"),
          directory.resolve("t10k-labels-idx1-ubyte.gz"), IdxReader.FASHION_MNIST_CLASSES);
    } catch (DataException e) {
      return Measurement.failed(p.workload(), "cannot read Fashion-MNIST: " + e.getMessage());
    }
    return infer(p, test.features(), test.size());
  }

  /**
   * Runs a freshly initialized network forward on {@code rows} test images ({@code pixels},
   * row-major [rows, 784], at least 1024 rows) and reports {@code fmnist_batch1_latency_us},
   * {@code fmnist_batch1024_samples_per_s} and {@code fmnist_infer_peak_rss_mib}, timed as
   * bench/README.md states.
   */
  static Measurement infer(RunParameters p, float[] pixels, int rows) {
    if (rows < INFER_BATCH) {
      throw new IllegalArgumentException("fmnist-infer needs at least 1024 images, got " + rows);
    }
    Sequential net = Sequential.mlp(WIDTHS).activation(Activation.RELU).build(p.seed());
    Predictor predictor = Predictor.of(net, Activation.IDENTITY);
    int calls = p.quick() ? 1_000 : 10_000;
    for (int i = 0; i < 1_000; i++) {
      predictor.predict(row(pixels, i % rows));
    }
    List<Double> latencies = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      Tensor x = row(pixels, i % rows);
      long start = System.nanoTime();
      predictor.predict(x);
      latencies.add((System.nanoTime() - start) / 1e3);
    }
    Tensor[] batches = new Tensor[rows / INFER_BATCH];
    for (int j = 0; j < batches.length; j++) {
      batches[j] = Tensor.of(Arrays.copyOfRange(pixels, j * INFER_BATCH * WIDTHS[0],
          (j + 1) * INFER_BATCH * WIDTHS[0]), INFER_BATCH, WIDTHS[0]);
    }
    List<Double> throughputs = batchThroughputs(predictor, batches, p.quick());
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("fmnist_batch1_latency_us", Stats.median(latencies));
    figures.put("fmnist_batch1024_samples_per_s", Stats.median(throughputs));
    figures.put("fmnist_infer_peak_rss_mib", ProcessFacts.peakRssMib());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("batch1_calls", calls);
    details.put("batch1024_samples_per_s_repeats", throughputs);
    return new Measurement(figures, Map.of(), details);
  }

  /** 5 warm-up batches, then 7 repeats of 10 batches (3 of 3 when quick): samples/s per repeat. */
  private static List<Double> batchThroughputs(Predictor predictor, Tensor[] batches, boolean quick) {
    for (int j = 0; j < 5; j++) {
      predictor.predict(batches[j % batches.length]);
    }
    int repeats = quick ? 3 : 7;
    int perRepeat = quick ? 3 : 10;
    List<Double> throughputs = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      for (int j = 0; j < perRepeat; j++) {
        predictor.predict(batches[(r * perRepeat + j) % batches.length]);
      }
      throughputs.add((double) INFER_BATCH * perRepeat / ((System.nanoTime() - start) / 1e9));
    }
    return throughputs;
  }

  /** Image {@code i} as a [1, 784] tensor; made before its call is timed, as the reference's views. */
  private static Tensor row(float[] pixels, int i) {
    return Tensor.of(Arrays.copyOfRange(pixels, i * WIDTHS[0], (i + 1) * WIDTHS[0]), 1, WIDTHS[0]);
  }

  private static Examples examples(Dataset data) {
    return Examples.classification(Tensor.of(data.features(), data.size(), data.featureCount()),
        data.labels(), data.classNames().size());
  }

  /** Each epoch's wall time, from the end of the previous epoch (or the start) to its own end. */
  private static final class EpochClock implements TrainingListener {
    final List<Double> seconds = new ArrayList<>();
    private long last;

    @Override
    public void onTrainBegin(int epoch, int epochs) {
      last = System.nanoTime();
    }

    @Override
    public void onEpochEnd(EpochRecord record) {
      long now = System.nanoTime();
      seconds.add((now - last) / 1e9);
      last = now;
    }
  }
}
