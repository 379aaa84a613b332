package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.nn.Activation;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.HalfSumSquaredError;
import dev.backprop.nn.MeanSquaredError;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.Adam;
import dev.backprop.optim.LearningRateSchedule;
import dev.backprop.optim.SGD;
import org.junit.jupiter.api.Test;

/** Training on generated data reaches the stated losses and accuracies, with fixed seeds. */
class EndToEndTest {

  @Test
  void xorWithATwoTwoOneSigmoidNetHalfSquaredErrorAndPlainGradientDescentReachesLossBelowOneHundredth() {
    Sequential net = Sequential.mlp(2, 2, 1).activation(Activation.SIGMOID).outputActivation(Activation.SIGMOID)
        .build(3);
    TrainingConfig config = TrainingConfig.of(1500, 4, 1).withShuffle(false).withOptimizer(new SGD.Spec(5.0));
    History history = new Trainer(net, new HalfSumSquaredError(), config).fit(GeneratedSets.xor());

    assertThat(history.last().metric("loss")).isLessThan(0.01);
    assertThat(history.last().metric("accuracy")).isEqualTo(1.0);
  }

  @Test
  void twoSpiralsReachAtLeastNinetyEightPercentTrainingAccuracy() {
    Examples spirals = GeneratedSets.spirals(400, 0.05, 7);
    Sequential net = Sequential.mlp(2, 64, 64, 2).activation(Activation.RELU).build(11);
    TrainingConfig config = TrainingConfig.of(80, 32, 5).withOptimizer(new Adam.Spec(0.01));
    Trainer trainer = new Trainer(net, new CategoricalCrossEntropy(), config);
    trainer.fit(spirals);

    assertThat(trainer.evaluate(spirals).metric("accuracy")).isGreaterThanOrEqualTo(0.98);
  }

  @Test
  void sineRegressionReachesMeanSquaredErrorOfAtMostOneThousandth() {
    Examples train = GeneratedSets.sine(512, 3);
    Sequential net = Sequential.mlp(1, 32, 32, 1).activation(Activation.TANH).build(2);
    TrainingConfig config = TrainingConfig.of(150, 64, 4).withOptimizer(new Adam.Spec(0.01))
        .withSchedule(new LearningRateSchedule.CosineAnnealing(150));
    Trainer trainer = new Trainer(net, new MeanSquaredError(), config);
    trainer.fit(train);

    assertThat(trainer.evaluate(GeneratedSets.sine(256, 99)).metric("mse")).isLessThanOrEqualTo(1e-3);
  }
}
