package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.optim.ReduceLROnPlateau.Mode;
import dev.backprop.optim.ReduceLROnPlateau.Spec;
import dev.backprop.optim.ReduceLROnPlateau.ThresholdMode;
import dev.backprop.tensor.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reduce-on-plateau against hand-traced epochs. The learning rate starts at 1; "bad" counts the
 * epochs in a row without improvement, and a reduction happens when it exceeds the patience.
 */
class ReduceLROnPlateauTest {

  private static SGD sgd() {
    return new SGD(List.of(Fixtures.param(DType.FLOAT32, 1)), new SGD.Spec(1));
  }

  private static double[] run(Spec spec, double... metrics) {
    SGD sgd = sgd();
    ReduceLROnPlateau plateau = new ReduceLROnPlateau(sgd, spec);
    double[] rates = new double[metrics.length];
    for (int e = 0; e < metrics.length; e++) {
      plateau.step(metrics[e]);
      rates[e] = sgd.learningRate();
    }
    return rates;
  }

  private static final double[] LOSSES = {5, 4, 4, 4, 4, 4, 4, 3, 3, 3};

  @Test
  void reducesOnceMoreThanPatienceEpochsInARowFailToImprove() {
    // patience 1: 5, 4 improve; 4 (bad 1), 4 (bad 2 > 1: halve, bad 0), 4 (bad 1),
    // 4 (bad 2: halve), 4 (bad 1), 3 improves, 3 (bad 1), 3 (bad 2: halve)
    Spec spec = new Spec().withFactor(0.5).withPatience(1).withThreshold(0, ThresholdMode.ABSOLUTE);
    assertThat(run(spec, LOSSES)).containsExactly(1, 1, 1, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.125);
  }

  @Test
  void badEpochsDuringTheCooldownAreNotCounted() {
    // As above with cooldown 2: after the halving at epoch 4, epochs 5 and 6 are cool-down
    // (bad cleared each time), epoch 7 is bad 1, epoch 8 improves, 9 is bad 1, 10 bad 2: halve.
    Spec spec = new Spec().withFactor(0.5).withPatience(1).withCooldown(2).withThreshold(0, ThresholdMode.ABSOLUTE);
    assertThat(run(spec, LOSSES)).containsExactly(1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25);
  }

  @Test
  void aRelativeThresholdDemandsImprovementByAFractionOfTheBest() {
    // min, threshold 10%: from best 1.0 only values below 0.9 improve; patience 0 reduces at once.
    Spec spec = new Spec().withFactor(0.5).withPatience(0).withThreshold(0.1, ThresholdMode.RELATIVE);
    assertThat(run(spec, 1.0, 0.95, 0.85, 0.8)).containsExactly(1, 0.5, 0.5, 0.25);
  }

  @Test
  void maxModeWatchesAMetricThatShouldRise() {
    // max, relative 1%: 0.5, then 0.6 > 0.505 improves, 0.605 is not above 0.606 (reduce),
    // 0.61 > 0.606 improves, 0.62 > 0.6161 improves.
    Spec spec = new Spec().withMode(Mode.MAX).withPatience(0).withThreshold(0.01, ThresholdMode.RELATIVE);
    double[] rates = run(spec, 0.5, 0.6, 0.605, 0.61, 0.62);
    assertThat(rates).containsExactly(1, 1, 0.1, 0.1, 0.1);
  }

  @Test
  void theRateNeverGoesBelowTheMinimum() {
    // patience 0: every epoch after the first is bad; 1 → 0.1 → max(0.01, 0.05) → 0.05 stays.
    Spec spec = new Spec().withFactor(0.1).withPatience(0).withMinLr(0.05);
    assertThat(run(spec, 1, 2, 2, 2)).containsExactly(1, 0.1, 0.05, 0.05);
  }

  @Test
  void aNaNMetricCountsAsNoImprovement() {
    Spec spec = new Spec().withFactor(0.5).withPatience(1);
    SGD sgd = sgd();
    ReduceLROnPlateau plateau = new ReduceLROnPlateau(sgd, spec);
    plateau.step(1);
    plateau.step(Double.NaN);
    assertThat(plateau.badEpochs()).isEqualTo(1);
    assertThat(plateau.best()).isEqualTo(1);
    plateau.step(Double.NaN);
    assertThat(sgd.learningRate()).isEqualTo(0.5);
  }

  @Test
  void stateRoundTripContinuesTheSameDecisions() {
    Spec spec = new Spec().withFactor(0.5).withPatience(1).withCooldown(2).withThreshold(0, ThresholdMode.ABSOLUTE);
    SGD first = sgd();
    ReduceLROnPlateau original = new ReduceLROnPlateau(first, spec);
    for (int e = 0; e < 5; e++) {
      original.step(LOSSES[e]);
    }
    Map<String, Double> state = original.exportState();
    assertThat(state).containsExactly(
        Map.entry("epoch", 5.0), Map.entry("best", 4.0), Map.entry("bad_epochs", 0.0),
        Map.entry("cooldown_left", 1.0), Map.entry("lr", 0.5));

    SGD second = sgd();
    ReduceLROnPlateau resumed = new ReduceLROnPlateau(second, spec);
    resumed.importState(state);
    assertThat(second.learningRate()).isEqualTo(0.5);
    for (int e = 5; e < LOSSES.length; e++) {
      original.step(LOSSES[e]);
      resumed.step(LOSSES[e]);
      assertThat(second.learningRate()).isEqualTo(first.learningRate());
    }
    assertThat(resumed.exportState()).isEqualTo(original.exportState());
  }

  @Test
  void theInitialBestIsTheWorstValueForTheMode() {
    assertThat(new ReduceLROnPlateau(sgd(), new Spec()).best()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(new ReduceLROnPlateau(sgd(), new Spec().withMode(Mode.MAX)).best()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void invalidSettingsAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> new Spec().withFactor(1)).hasMessage("ReduceLROnPlateau: factor must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> new Spec().withPatience(-1))
        .hasMessage("ReduceLROnPlateau: patience and cooldown must be >= 0, got -1 and 0");
    assertThatThrownBy(() -> new Spec().withThreshold(1, ThresholdMode.RELATIVE))
        .hasMessage("ReduceLROnPlateau: a relative threshold must be below 1, got 1.0");
    ReduceLROnPlateau plateau = new ReduceLROnPlateau(sgd(), new Spec());
    Map<String, Double> nanBest = Map.of("epoch", 1.0, "best", Double.NaN, "bad_epochs", 0.0, "cooldown_left", 0.0, "lr", 1.0);
    assertThatThrownBy(() -> plateau.importState(nanBest)).hasMessage("ReduceLROnPlateau state: 'best' is NaN");
  }
}
