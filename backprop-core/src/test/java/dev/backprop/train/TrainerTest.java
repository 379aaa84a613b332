package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.nn.Activation;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Dense;
import dev.backprop.nn.MeanSquaredError;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.LearningRateSchedule;
import dev.backprop.optim.ReduceLROnPlateau;
import dev.backprop.optim.SGD;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {
  /** A float64 network z = w·x + b with w and b set. */
  private static Sequential line(double w, double b) {
    Sequential net = new Sequential(new Dense(1, 1, new SplittableRandom(0))).toFloat64();
    net.loadState(Map.of("0.weight", Tensor.of(new double[] {w}, 1, 1), "0.bias", Tensor.of(new double[] {b}, 1)));
    return net;
  }

  /** x = (1, 2), y = (1, 3). */
  private static Examples twoPoints() {
    return Examples.regression(Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(new double[] {1, 3}, 2, 1));
  }

  private static double[] weightAndBias(Sequential net) {
    return new double[] {net.namedParameters().get("0.weight").item(), net.namedParameters().get("0.bias").item()};
  }

  private static TrainingConfig plainGradientDescent(int epochs, double lr) {
    return TrainingConfig.of(epochs, 2, 0).withShuffle(false).withOptimizer(new SGD.Spec(lr));
  }

  /** Three well-separated classes around (±2, 0) and (0, 2), 30 examples each. */
  private static Examples threeBlobs(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centres = {{-2, 0}, {2, 0}, {0, 2}};
    double[] x = new double[180];
    int[] labels = new int[90];
    for (int i = 0; i < 90; i++) {
      labels[i] = i % 3;
      x[2 * i] = centres[i % 3][0] + rng.nextGaussian() * 0.5;
      x[2 * i + 1] = centres[i % 3][1] + rng.nextGaussian() * 0.5;
    }
    return Examples.classification(Tensor.of(x, 90, 2).toFloat32(), labels, 3);
  }

  @Test
  void oneFullBatchEpochOfGradientDescentTakesTheHandComputedStepAndRecordsTheLossBeforeIt() {
    // p = (0.5, 1), errors (-0.5, -2): L = (0.25 + 4)/2 = 2.125, dL/dw = (2/2)(-0.5·1 - 2·2) = -4.5,
    // dL/db = (2/2)(-0.5 - 2) = -2.5; with η = 0.1: w = 0.5 + 0.45, b = 0 + 0.25.
    Sequential net = line(0.5, 0);
    History history = new Trainer(net, new MeanSquaredError(), plainGradientDescent(1, 0.1)).fit(twoPoints());

    assertThat(weightAndBias(net)).containsExactly(new double[] {0.95, 0.25}, within(1e-15));
    assertThat(history.last().metric("loss")).isEqualTo(2.125);
    assertThat(history.last().metric("mse")).isEqualTo(2.125);
    assertThat(history.last().metric("mae")).isEqualTo(1.25);
    assertThat(history.last().learningRate()).isEqualTo(0.1);
  }

  @Test
  void clippingByValueClampsEachGradientBeforeTheStep() {
    Sequential net = line(0.5, 0);
    new Trainer(net, new MeanSquaredError(), plainGradientDescent(1, 1).withClipping(GradientClipping.byValue(0.1)))
        .fit(twoPoints());
    assertThat(weightAndBias(net)).containsExactly(new double[] {0.6, 0.1}, within(1e-15));
  }

  @Test
  void clippingByNormScalesBothGradientsToTheMaximumNorm() {
    Sequential net = line(0.5, 0);
    new Trainer(net, new MeanSquaredError(), plainGradientDescent(1, 1).withClipping(GradientClipping.byNorm(1)))
        .fit(twoPoints());
    double scale = 1 / (Math.sqrt(4.5 * 4.5 + 2.5 * 2.5) + 1e-6);
    assertThat(weightAndBias(net)).containsExactly(new double[] {0.5 + 4.5 * scale, 2.5 * scale}, within(1e-15));
  }

  @Test
  void historyHoldsOneRecordPerEpochWithTrainingThenValidationMetrics() {
    Sequential net = Sequential.mlp(2, 8, 3).build(1);
    TrainingConfig config = TrainingConfig.of(3, 16, 2).withTopK(2);
    History history = new Trainer(net, new CategoricalCrossEntropy(), config).fit(threeBlobs(1), threeBlobs(2));

    assertThat(history.size()).isEqualTo(3);
    assertThat(history.epochs()).extracting(EpochRecord::epoch).containsExactly(0, 1, 2);
    assertThat(history.last().metrics().keySet()).containsExactly(
        "loss", "accuracy", "top2_accuracy", "macro_precision", "macro_recall", "macro_f1",
        "val_loss", "val_accuracy", "val_top2_accuracy", "val_macro_precision", "val_macro_recall", "val_macro_f1");
    assertThat(history.epochs()).allSatisfy(e -> assertThat(e.seconds()).isPositive());
    assertThat(history.confusionMatrix()).hasValueSatisfying(m -> assertThat(m.total()).isEqualTo(90));
    assertThat(history.stoppedEarly()).isFalse();
    assertThat(history.bestEpoch()).isEmpty();
  }

  @Test
  void validationMetricsAreThoseOfAnEvaluationAfterTheEpoch() {
    Sequential net = Sequential.mlp(2, 8, 3).build(1);
    Trainer trainer = new Trainer(net, new CategoricalCrossEntropy(), TrainingConfig.of(2, 16, 2));
    Examples validation = threeBlobs(2);
    History history = trainer.fit(threeBlobs(1), validation);

    Evaluation after = trainer.evaluate(validation);
    after.metrics().forEach((name, value) -> assertThat(history.last().metric("val_" + name)).isEqualTo(value));
    assertThat(history.confusionMatrix()).isEqualTo(after.confusionMatrix());
    assertThat(net.isTraining()).isTrue();
  }

  @Test
  void trainingMetricsAverageTheBatchesAsTheyWereTrained() {
    Sequential net = Sequential.mlp(2, 8, 3).build(1);
    List<BatchEvent> batches = new ArrayList<>();
    Trainer trainer = new Trainer(net, new CategoricalCrossEntropy(), TrainingConfig.of(1, 40, 2));
    trainer.addListener(new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        batches.add(event);
      }
    });
    History history = trainer.fit(threeBlobs(1));

    assertThat(batches).extracting(BatchEvent::size).containsExactly(40, 40, 10);
    double weighted = batches.stream().mapToDouble(b -> b.loss() * b.size()).sum() / 90;
    assertThat(history.last().metric("loss")).isCloseTo(weighted, within(1e-12));
  }

  @Test
  void listenersHearEveryEventInOrder() {
    List<String> events = new ArrayList<>();
    Trainer trainer = new Trainer(Sequential.mlp(2, 3).build(1), new CategoricalCrossEntropy(),
        TrainingConfig.of(2, 40, 2));
    trainer.addListener(new TrainingListener() {
      @Override
      public void onTrainBegin(int epoch, int epochs) {
        events.add("begin " + epoch + "/" + epochs);
      }

      @Override
      public void onEpochStart(int epoch, int batches) {
        events.add("epoch " + epoch + " of " + batches);
      }

      @Override
      public void onBatchEnd(BatchEvent e) {
        events.add("batch " + e.epoch() + "." + e.batch() + "/" + e.batches());
      }

      @Override
      public void onEpochEnd(EpochRecord record) {
        events.add("end " + record.epoch());
      }

      @Override
      public void onTrainEnd(History history) {
        events.add("done " + history.size());
      }
    });
    trainer.fit(threeBlobs(1));

    assertThat(events).containsExactly("begin 0/2", "epoch 0 of 3", "batch 0.0/3", "batch 0.1/3", "batch 0.2/3",
        "end 0", "epoch 1 of 3", "batch 1.0/3", "batch 1.1/3", "batch 1.2/3", "end 1", "done 2");
  }

  @Test
  void aScheduleSetsTheLearningRateOfEachEpoch() {
    TrainingConfig config = plainGradientDescent(3, 0.1).withSchedule(new LearningRateSchedule.StepDecay(1, 0.5));
    History history = new Trainer(line(0.5, 0), new MeanSquaredError(), config).fit(twoPoints());
    assertThat(history.epochs()).extracting(EpochRecord::learningRate).containsExactly(0.1, 0.05, 0.025);
  }

  @Test
  void reduceOnPlateauHalvesTheRateOnceTheMonitoredLossStopsImproving() {
    // A learning rate of 1e-6 changes the loss by far less than the relative threshold 1e-4: epoch 0 sets
    // the best, epochs 1 and 2 are bad, and after the second bad epoch (patience 1) the rate is halved.
    var settings = new ReduceLROnPlateau.Spec().withPatience(1).withFactor(0.5);
    TrainingConfig config = plainGradientDescent(4, 1e-6).withPlateau(new ReduceOnPlateau("loss", settings));
    History history = new Trainer(line(0.5, 0), new MeanSquaredError(), config).fit(twoPoints());
    assertThat(history.epochs()).extracting(EpochRecord::learningRate).containsExactly(1e-6, 1e-6, 1e-6, 5e-7);
  }

  @Test
  void earlyStoppingEndsTheRunAfterPatienceEpochsWithoutImprovementAndRestoresTheBestWeights() {
    // x = ±1, y = 0: with η = 1.5 each full-batch step multiplies w by 1 − 2η = −2, so the loss grows
    // fourfold every epoch and the best weights are those after epoch 0 (its loss is measured on them).
    Examples data = Examples.regression(Tensor.of(new double[] {1, -1}, 2, 1), Tensor.of(new double[] {0, 0}, 2, 1));
    Sequential net = line(0.1, 0);
    TrainingConfig config = plainGradientDescent(10, 1.5)
        .withEarlyStopping(EarlyStopping.on("val_loss").withPatience(2));
    List<Map<String, Tensor>> weightsAfterEpoch = new ArrayList<>();
    Trainer trainer = new Trainer(net, new MeanSquaredError(), config);
    trainer.addListener(new TrainingListener() {
      @Override
      public void onEpochEnd(EpochRecord record) {
        weightsAfterEpoch.add(net.state());
      }
    });
    History history = trainer.fit(data, data);

    assertThat(history.size()).isEqualTo(3);
    assertThat(history.stoppedEarly()).isTrue();
    assertThat(history.bestEpoch()).hasValue(0);
    assertThat(history.metric("val_loss")).containsExactly(new double[] {0.04, 0.16, 0.64}, within(1e-15));
    assertThat(net.namedParameters().get("0.weight").item())
        .isEqualTo(weightsAfterEpoch.get(0).get("0.weight").item()).isCloseTo(-0.2, within(1e-15));
  }

  @Test
  void aNonFiniteGradientStopsTrainingWithAMessageNamingEpochBatchAndParameter() {
    // w = 1e-30, x = 3e38: the prediction 3e8 and its loss are finite in float32, dL/dw = 2·3e8·3e38 is not.
    Sequential net = new Sequential(new Dense(1, 1, new SplittableRandom(0)));
    net.loadState(Map.of("0.weight", Tensor.of(new float[] {1e-30f}, 1, 1), "0.bias", Tensor.of(new float[] {0}, 1)));
    Examples data = Examples.regression(Tensor.of(new float[] {1, 3e38f}, 2, 1), Tensor.of(new float[] {0, 0}, 2, 1));
    Trainer trainer = new Trainer(net, new MeanSquaredError(), TrainingConfig.of(1, 1, 0).withShuffle(false));

    assertThatThrownBy(() -> trainer.fit(data))
        .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
          assertThat(e.epoch()).isZero();
          assertThat(e.batch()).isEqualTo(1);
          assertThat(e.parameter()).isEqualTo("0.weight");
        })
        .hasMessageStartingWith("training diverged in epoch 1, batch 2 of 2: the gradient of parameter '0.weight' is");
    assertThat(trainer.state().batch()).isEqualTo(1);
    assertThat(net.namedParameters().get("0.weight").item()).isNotNaN().isFinite();
  }

  @Test
  void skippingBatchesWithNonFiniteValuesCountsThemAndTrainsOnTheRest() {
    Sequential net = new Sequential(new Dense(1, 1, new SplittableRandom(0)));
    net.loadState(Map.of("0.weight", Tensor.of(new float[] {1e-30f}, 1, 1), "0.bias", Tensor.of(new float[] {0}, 1)));
    Examples data = Examples.regression(Tensor.of(new float[] {1, 3e38f}, 2, 1), Tensor.of(new float[] {0, 0}, 2, 1));
    TrainingConfig config = TrainingConfig.of(2, 1, 0).withShuffle(false).withOptimizer(new SGD.Spec(0.1))
        .withOnNonFinite(NonFinitePolicy.SKIP_BATCH);
    List<Boolean> skipped = new ArrayList<>();
    Trainer trainer = new Trainer(net, new MeanSquaredError(), config);
    trainer.addListener(new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        skipped.add(event.skipped());
      }
    });
    History history = trainer.fit(data);

    assertThat(skipped).containsExactly(false, true, false, true);
    assertThat(history.epochs()).extracting(EpochRecord::skippedBatches).containsExactly(1, 1);
    // Only the first example trains: the bias moves by −η·2·(p − 0) each epoch from p ≈ 0.
    assertThat(net.namedParameters().get("0.bias").item()).isCloseTo(0, within(1e-6));
    assertThat(history.metric("loss")[0]).isCloseTo(0, within(1e-12));
  }

  @Test
  void requestStopEndsTheRunAfterTheCurrentBatchAndFitContinuesFromThere() {
    Trainer trainer = new Trainer(Sequential.mlp(2, 3).build(1), new CategoricalCrossEntropy(),
        TrainingConfig.of(2, 40, 2));
    trainer.addListener(new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        if (event.epoch() == 0 && event.batch() == 1) {
          trainer.requestStop();
        }
      }
    });
    History partial = trainer.fit(threeBlobs(1));
    assertThat(partial.size()).isZero();
    assertThat(trainer.state().epoch()).isZero();
    assertThat(trainer.state().batch()).isEqualTo(2);
    assertThat(trainer.state().progress()).isNotNull();

    assertThat(trainer.fit(threeBlobs(1)).size()).isEqualTo(2);
  }

  @Test
  void aNetworkWhoseOutputsDoNotMatchTheClassesIsRefusedBeforeTraining() {
    Trainer trainer = new Trainer(Sequential.mlp(2, 4).build(1), new CategoricalCrossEntropy(),
        TrainingConfig.of(1, 8, 0));
    assertThatThrownBy(() -> trainer.fit(threeBlobs(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("training examples: the network gives 4 outputs per example, but there are 3 classes;"
            + " cross-entropy needs one output per class");
  }

  @Test
  void examplesWithTheWrongNumberOfFeaturesAreRefusedNamingBoth() {
    Trainer trainer = new Trainer(Sequential.mlp(5, 3).build(1), new CategoricalCrossEntropy(),
        TrainingConfig.of(1, 8, 0));
    assertThatThrownBy(() -> trainer.fit(threeBlobs(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("training examples: the network does not take examples of 2 features:");
  }

  @Test
  void monitoringAValidationMetricWithoutValidationDataIsRefused() {
    TrainingConfig config = TrainingConfig.of(1, 8, 0).withEarlyStopping(EarlyStopping.on("val_accuracy"));
    Trainer trainer = new Trainer(Sequential.mlp(2, 3).build(1), new CategoricalCrossEntropy(), config);
    assertThatThrownBy(() -> trainer.fit(threeBlobs(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("early stopping monitors 'val_accuracy', but this run reports [loss, accuracy, macro_precision,"
            + " macro_recall, macro_f1]; give validation examples or a validation split");
  }

  @Test
  void aValidationSplitHoldsOutItsShareForTheValidationMetrics() {
    Trainer trainer = new Trainer(Sequential.mlp(2, 3).activation(Activation.RELU).build(1),
        new CategoricalCrossEntropy(), TrainingConfig.of(1, 8, 0).withValidationSplit(0.2));
    History history = trainer.fit(threeBlobs(1));
    assertThat(history.last().metrics()).containsKey("val_accuracy");
    assertThat(history.confusionMatrix()).hasValueSatisfying(m -> assertThat(m.total()).isEqualTo(18));
  }
}
