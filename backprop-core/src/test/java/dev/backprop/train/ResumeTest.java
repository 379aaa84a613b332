package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.ReduceLROnPlateau;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A run stopped at any batch and resumed from its state ends bit-identical to one that never stopped. */
class ResumeTest {
  private static final TrainingConfig CONFIG = TrainingConfig.of(4, 16, 21)
      .withValidationSplit(0.2)
      .withTopK(2)
      .withPlateau(new ReduceOnPlateau("val_loss", new ReduceLROnPlateau.Spec().withPatience(0).withFactor(0.5)))
      .withEarlyStopping(EarlyStopping.on("val_accuracy").withPatience(10));

  static Examples blobs() {
    SplittableRandom rng = new SplittableRandom(5);
    float[] x = new float[120 * 4];
    int[] labels = new int[120];
    for (int i = 0; i < 120; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 4; j++) {
        x[i * 4 + j] = (float) (rng.nextGaussian() + (j == labels[i] ? 1.5 : 0));
      }
    }
    return Examples.classification(Tensor.of(x, 120, 4), labels, 3);
  }

  /**
   * A network with dropout and batch normalization, so generators and buffers are part of the state;
   * the same architecture (dropout seeds included) whatever the seed of its weights.
   */
  static Sequential network(long weightSeed) {
    return Sequential.mlp(4, 16, 16, 3).dropout(0.2).batchNorm(true).spec(3)
        .build(new SplittableRandom(weightSeed));
  }

  private static Trainer trainer(Sequential net) {
    return new Trainer(net, new CategoricalCrossEntropy(), CONFIG);
  }

  /** The state after an uninterrupted run of the configuration. */
  private static TrainingState uninterrupted() {
    Trainer t = trainer(network(3));
    t.fit(blobs());
    return t.state();
  }

  static void assertSameRun(TrainingState actual, TrainingState expected) {
    assertThat(actual.model().keySet()).isEqualTo(expected.model().keySet());
    expected.model().forEach((name, t) ->
        assertThat(actual.model().get(name).toDoubleArray()).as(name).isEqualTo(t.toDoubleArray()));
    assertThat(actual.generators()).isEqualTo(expected.generators());
    assertThat(actual.scheduler()).isEqualTo(expected.scheduler());
    assertThat(actual.optimizer().scalars()).isEqualTo(expected.optimizer().scalars());
    expected.optimizer().floatArrays().forEach((k, v) ->
        assertThat(actual.optimizer().floatArrays().get(k)).as(k).isEqualTo(v));
    assertThat(actual.epoch()).isEqualTo(expected.epoch());
    List<EpochRecord> a = actual.history().epochs();
    List<EpochRecord> e = expected.history().epochs();
    assertThat(a).hasSameSizeAs(e);
    for (int i = 0; i < e.size(); i++) {
      assertThat(a.get(i).metrics()).isEqualTo(e.get(i).metrics());
      assertThat(a.get(i).learningRate()).isEqualTo(e.get(i).learningRate());
    }
    assertThat(actual.history().confusionMatrix()).isEqualTo(expected.history().confusionMatrix());
    assertThat(actual.earlyStopping().best()).isEqualTo(expected.earlyStopping().best());
    assertThat(actual.earlyStopping().bestEpoch()).isEqualTo(expected.earlyStopping().bestEpoch());
  }

  @Test
  void aRunStoppedInTheMiddleOfAnEpochAndResumedEndsBitIdentical() {
    TrainingState expected = uninterrupted();
    Trainer first = trainer(network(3));
    first.addListener(new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        if (event.epoch() == 1 && event.batch() == 2) {
          first.requestStop();
        }
      }
    });
    first.fit(blobs());
    TrainingState saved = first.state();
    assertThat(saved.epoch()).isEqualTo(1);
    assertThat(saved.batch()).isEqualTo(3);

    Trainer resumed = trainer(network(77));
    resumed.restore(saved);
    resumed.fit(blobs());

    assertSameRun(resumed.state(), expected);
  }

  @Test
  void aRunResumedFromTheStateAfterAnEpochEndsBitIdentical() {
    TrainingState expected = uninterrupted();
    List<TrainingState> afterEpoch = new ArrayList<>();
    Trainer first = trainer(network(3));
    first.addListener(new TrainingListener() {
      @Override
      public void onEpochEnd(EpochRecord record) {
        afterEpoch.add(first.state());
      }
    });
    first.fit(blobs());

    for (int k = 0; k < 3; k++) {
      Trainer resumed = trainer(network(100 + k));
      resumed.restore(afterEpoch.get(k));
      resumed.fit(blobs());
      assertSameRun(resumed.state(), expected);
    }
  }

  @Test
  void aRunMayBeExtendedByMoreEpochs() {
    Trainer shortRun = trainer(network(3));
    shortRun.fit(blobs());
    Trainer longer = new Trainer(network(3), new CategoricalCrossEntropy(), CONFIG.withEpochs(6));
    longer.restore(shortRun.state());
    assertThat(longer.fit(blobs()).size()).isEqualTo(6);
  }

  @Test
  void aStateOfAnotherArchitectureIsRefused() {
    Trainer other = new Trainer(Sequential.mlp(4, 16, 16, 3).dropout(0.2).batchNorm(true).build(4),
        new CategoricalCrossEntropy(), CONFIG);
    assertThatThrownBy(() -> trainer(network(3)).restore(other.state()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("restore: the state is of a network {type=Sequential");
  }

  @Test
  void aStateFromAnotherConfigurationIsRefusedAndTheNetworkKeptAsItWas() {
    Trainer other = new Trainer(network(3), new CategoricalCrossEntropy(), CONFIG.withBatchSize(8));
    Sequential net = network(4);
    Map<String, Tensor> before = net.state();
    assertThatThrownBy(() -> trainer(net).restore(other.state()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only the number of epochs may differ");
    before.forEach((name, t) -> assertThat(net.state().get(name).toDoubleArray()).isEqualTo(t.toDoubleArray()));
  }
}
