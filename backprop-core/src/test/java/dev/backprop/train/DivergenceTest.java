package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.nn.SequentialSpec;
import dev.backprop.optim.LearningRateSchedule;
import dev.backprop.optim.SGD;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A learning rate that grows a thousandfold per epoch: the first epoch trains, then the weights blow
 * up until a loss or gradient is no longer finite, and the run stops saying where.
 */
class DivergenceTest {
  private static final TrainingConfig EXPLODING = TrainingConfig.of(8, 16, 5)
      .withOptimizer(new SGD.Spec(0.05))
      .withSchedule(new LearningRateSchedule.ExponentialDecay(1000));

  private static Sequential network() {
    return Sequential.mlp(4, 16, 3).build(7);
  }

  @Test
  void anExplodingLearningRateStopsTrainingNamingTheEpochTheBatchAndTheFirstBadParameter() {
    Sequential net = network();
    Trainer trainer = new Trainer(net, new CategoricalCrossEntropy(), EXPLODING);
    List<Map<String, Tensor>> before = new ArrayList<>();
    trainer.addListener(new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        before.clear();
        before.add(net.state());
      }
    });

    TrainingDivergedException e = catchThrowableOfType(TrainingDivergedException.class,
        () -> trainer.fit(ResumeTest.blobs()));

    assertThat(e.epoch()).as("the first epoch, at a sane rate, trains").isBetween(1, 7);
    assertThat(e.parameter()).isEqualTo("0.weight");
    assertThat(e).hasMessageStartingWith("training diverged in epoch " + (e.epoch() + 1) + ", batch "
        + (e.batch() + 1) + " of 8: ")
        .hasMessageContaining("the gradient of parameter '0.weight' is")
        .hasMessageContaining("the weight of layer 0 (Dense 4→16)")
        .hasMessageContaining("Lower the learning rate");
    assertThat(trainer.history().size()).isEqualTo(e.epoch());
    assertThat(trainer.state().epoch()).isEqualTo(e.epoch());
    assertThat(trainer.state().batch()).isEqualTo(e.batch());
    Map<String, Tensor> lastGood = before.isEmpty() ? null : before.get(0);
    if (lastGood != null) {
      lastGood.forEach((name, t) ->
          assertThat(net.state().get(name).toFloatArray()).as(name).isEqualTo(t.toFloatArray()));
    }
    net.namedParameters().forEach((name, t) -> {
      for (float v : t.toFloatArray()) {
        assertThat(v).as(name).isFinite();
      }
    });
  }

  @Test
  void skippingBatchesUnderAnExplodingLearningRateKeepsTheWeightsFiniteAndCountsTheSkips() {
    Sequential net = network();
    History history = new Trainer(net, new CategoricalCrossEntropy(),
        EXPLODING.withEpochs(4).withOnNonFinite(NonFinitePolicy.SKIP_BATCH)).fit(ResumeTest.blobs());

    assertThat(history.size()).isEqualTo(4);
    assertThat(history.epochs().get(0).skippedBatches()).isZero();
    assertThat(history.last().skippedBatches()).isPositive();
    net.namedParameters().forEach((name, t) -> {
      for (float v : t.toFloatArray()) {
        assertThat(v).as(name).isFinite();
      }
    });
  }

  @Test
  void parametersAreDescribedByTheirLayerAndTensor() {
    SequentialSpec spec = (SequentialSpec) Sequential.mlp(4, 16, 3).batchNorm(true).build(1).spec();
    assertThat(ParameterNames.describe(spec, "0.weight")).isEqualTo("the weight of layer 0 (Dense 4→16)");
    assertThat(ParameterNames.describe(spec, "1.bias")).isEqualTo("the bias of layer 1 (BatchNorm 16)");
    assertThat(ParameterNames.describe(spec, "9.weight")).isEqualTo("'9.weight'");
    assertThat(ParameterNames.describe(spec.layers().get(0), "weight")).isEqualTo("the weight of the network (Dense 4→16)");
  }
}
