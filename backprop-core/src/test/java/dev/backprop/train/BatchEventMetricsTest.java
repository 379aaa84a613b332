package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchEventMetricsTest {
  private static Examples blobs() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] x = new double[200];
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      labels[i] = i % 2;
      x[2 * i] = (i % 2 == 0 ? -1 : 1) + rng.nextGaussian() * 0.8;
      x[2 * i + 1] = rng.nextGaussian();
    }
    return Examples.classification(Tensor.of(x, 100, 2).toFloat32(), labels, 2);
  }

  @Test
  void eachBatchCarriesTheEpochsMetricsSoFarEndingWithTheEpochsRecord() {
    List<BatchEvent> events = new ArrayList<>();
    Trainer trainer = new Trainer(Sequential.mlp(2, 4, 2).build(1), new CategoricalCrossEntropy(),
        TrainingConfig.of(2, 30, 5));
    trainer.addListener(new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        events.add(event);
      }
    });
    History history = trainer.fit(blobs());

    assertThat(events).hasSize(8);
    for (int epoch = 0; epoch < 2; epoch++) {
      BatchEvent first = events.get(4 * epoch);
      BatchEvent last = events.get(4 * epoch + 3);
      assertThat(first.metrics().get("loss")).isCloseTo(first.loss(), within(1e-6));
      assertThat(first.metrics().keySet()).containsExactly("loss", "accuracy", "macro_precision", "macro_recall",
          "macro_f1");
      assertThat(last.metrics()).isEqualTo(history.epochs().get(epoch).metrics());
    }
    double firstTwo = (events.get(0).loss() * 30 + events.get(1).loss() * 30) / 60;
    assertThat(events.get(1).metrics().get("loss")).isCloseTo(firstTwo, within(1e-6));
  }
}
