package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.optim.LearningRateSchedule.Constant;
import dev.backprop.optim.LearningRateSchedule.CosineAnnealing;
import dev.backprop.optim.LearningRateSchedule.ExponentialDecay;
import dev.backprop.optim.LearningRateSchedule.LinearWarmup;
import dev.backprop.optim.LearningRateSchedule.StepDecay;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each schedule's learning rates for the first epochs, from η₀ = 0.1, against hand values. */
class LearningRateScheduleTest {

  private static double[] rates(LearningRateSchedule schedule, int epochs) {
    double[] r = new double[epochs];
    for (int e = 0; e < epochs; e++) {
      r[e] = schedule.learningRate(0.1, e);
    }
    return r;
  }

  private static SGD sgd(double lr) {
    return new SGD(List.of(Fixtures.param(DType.FLOAT32, 1)), new SGD.Spec(lr));
  }

  @Test
  void constantKeepsTheInitialRate() {
    assertThat(rates(new Constant(), 3)).containsExactly(0.1, 0.1, 0.1);
  }

  @Test
  void stepDecayMultipliesByGammaEveryStepSizeEpochs() {
    assertThat(rates(new StepDecay(3, 0.5), 8))
        .containsExactly(new double[] {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025}, within(1e-15));
  }

  @Test
  void exponentialDecayMultipliesByGammaEveryEpoch() {
    assertThat(rates(new ExponentialDecay(0.9), 4))
        .containsExactly(new double[] {0.1, 0.09, 0.081, 0.0729}, within(1e-15));
  }

  @Test
  void cosineAnnealingFollowsHalfACosineDownToTheMinimumAndStaysThere() {
    // 0.01 + 0.09·(1 + cos(π·e/4))/2: cos(π/4) = 0.7071068, so e1 = 0.01 + 0.09·0.8535534
    assertThat(rates(new CosineAnnealing(4, 0.01), 6))
        .containsExactly(new double[] {0.1, 0.0868198, 0.055, 0.0231802, 0.01, 0.01}, within(1e-7));
    assertThat(rates(new CosineAnnealing(2), 3)).containsExactly(new double[] {0.1, 0.05, 0}, within(1e-15));
  }

  @Test
  void linearWarmupRisesFromTheStartFactorThenHandsOver() {
    // 0.1·(0.25 + 0.75·e/4) for e < 4, then 0.1
    assertThat(rates(new LinearWarmup(4, 0.25), 6))
        .containsExactly(new double[] {0.025, 0.04375, 0.0625, 0.08125, 0.1, 0.1}, within(1e-15));
    // 2 warm-up epochs from 0.05, then cosine to zero over 4 epochs starting at its own epoch 0
    assertThat(rates(new CosineAnnealing(4).afterWarmup(2, 0.5), 7))
        .containsExactly(new double[] {0.05, 0.075, 0.1, 0.0853553, 0.05, 0.0146447, 0}, within(1e-7));
  }

  @Test
  void invalidSchedulesAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> new StepDecay(0, 0.5)).hasMessage("StepDecay: stepSize must be >= 1, got 0");
    assertThatThrownBy(() -> new ExponentialDecay(-0.5))
        .hasMessage("ExponentialDecay: gamma must be a finite number >= 0, got -0.5");
    assertThatThrownBy(() -> new LinearWarmup(3, 1.5)).hasMessage("LinearWarmup: startFactor must be in [0, 1], got 1.5");
  }

  @Test
  void epochSchedulerSetsTheOptimizersRateAtTheStartOfEachEpoch() {
    SGD sgd = sgd(0.1);
    EpochScheduler scheduler = new EpochScheduler(sgd, new StepDecay(2, 0.5).afterWarmup(1, 0.1));
    double[] seen = new double[5];
    for (int e = 0; e < 5; e++) {
      seen[e] = sgd.learningRate();
      scheduler.step();
    }
    assertThat(seen).containsExactly(new double[] {0.01, 0.1, 0.1, 0.05, 0.05}, within(1e-15));
    assertThat(scheduler.epoch()).isEqualTo(5);
  }

  @Test
  void epochSchedulerStateContinuesTheSameSequence() {
    SGD original = sgd(0.1);
    EpochScheduler first = new EpochScheduler(original, new CosineAnnealing(6, 0.001));
    first.step();
    first.step();
    Map<String, Double> state = first.exportState();
    assertThat(state).containsExactly(Map.entry("epoch", 2.0), Map.entry("initial_lr", 0.1));

    SGD resumed = sgd(0.1);
    EpochScheduler second = new EpochScheduler(resumed, new CosineAnnealing(6, 0.001));
    second.importState(state);
    for (int e = 0; e < 5; e++) {
      assertThat(resumed.learningRate()).isEqualTo(original.learningRate());
      first.step(Double.NaN);
      second.step(Double.NaN);
    }
    assertThat(second.epoch()).isEqualTo(7);
  }

  @Test
  void epochSchedulerRejectsABadState() {
    EpochScheduler scheduler = new EpochScheduler(sgd(0.1), new Constant());
    Map<String, Double> missing = Map.of("epoch", 1.0);
    assertThatThrownBy(() -> scheduler.importState(missing)).hasMessage("EpochScheduler state: missing 'initial_lr'");
    Map<String, Double> extra = new HashMap<>(Map.of("epoch", 1.0, "initial_lr", 0.1, "best", 3.0));
    assertThatThrownBy(() -> scheduler.importState(extra))
        .hasMessage("EpochScheduler state: unexpected 'best'; expected epoch, initial_lr");
    Map<String, Double> negative = Map.of("epoch", -1.0, "initial_lr", 0.1);
    assertThatThrownBy(() -> scheduler.importState(negative))
        .hasMessage("EpochScheduler state: 'epoch' must be a whole number >= 0, got -1.0");
    assertThat(scheduler.epoch()).isZero();
  }

  @Test
  void theScheduleIsAppliedToAnyOptimizer() {
    Tensor p = Fixtures.param(DType.FLOAT64, 1);
    Adam adam = new Adam(List.of(p), new Adam.Spec(0.2));
    new EpochScheduler(adam, new LinearWarmup(2, 0.5));
    assertThat(adam.learningRate()).isEqualTo(0.1);
    assertThat(adam.spec().lr()).isEqualTo(0.1);
  }
}
