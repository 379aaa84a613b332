package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void confusionMatrixMetricsMatchHandCounts() {
    int[] actual = {0, 0, 0, 1, 1, 2, 2, 2, 2};
    int[] predicted = {0, 1, 0, 1, 1, 2, 0, 2, 1};
    ConfusionMatrix cm = ConfusionMatrix.of(actual, predicted, 3);
    assertThat(cm.counts()).isDeepEqualTo(new int[][] {{2, 1, 0}, {0, 2, 0}, {1, 1, 2}});
    assertThat(cm.accuracy()).isCloseTo(6.0 / 9, within(1e-15));
    // precision: 2/3, 2/4, 2/2; recall: 2/3, 2/2, 2/4
    assertThat(cm.macroPrecision()).isCloseTo((2.0 / 3 + 0.5 + 1) / 3, within(1e-15));
    assertThat(cm.macroRecall()).isCloseTo((2.0 / 3 + 1 + 0.5) / 3, within(1e-15));
    double f1Middle = 2 * 0.5 * 1 / 1.5;
    double f1Last = 2 * 1 * 0.5 / 1.5;
    assertThat(cm.macroF1()).isCloseTo((2.0 / 3 + f1Middle + f1Last) / 3, within(1e-15));
  }

  @Test
  void classNeverPredictedHasZeroPrecision() {
    ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, 2);
    assertThat(cm.precision(1)).isZero();
    assertThat(cm.recall(1)).isZero();
    assertThat(cm.f1(1)).isZero();
  }

  @Test
  void confusionMatrixRejectsOutOfRangeClasses() {
    assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 0}, 3))
        .hasMessageContaining("label 3 at row 1 is outside [0, 3)");
  }

  @Test
  void regressionMetricsMatchHandValues() {
    float[] actual = {1, 2, 3, 4};
    float[] predicted = {1.5f, 2, 2, 4};
    RegressionMetrics m = RegressionMetrics.of(predicted, actual, 1);
    assertThat(m.mse()).isCloseTo((0.25 + 1) / 4, within(1e-12));
    assertThat(m.rmse()).isCloseTo(Math.sqrt(1.25 / 4), within(1e-12));
    assertThat(m.mae()).isCloseTo(1.5 / 4, within(1e-12));
    assertThat(m.r2()).isCloseTo(1 - 1.25 / 5, within(1e-12));
  }

  @Test
  void topKCountsTrueClassAmongHighestScores() {
    float[] scores = {0.1f, 0.5f, 0.4f, 0.7f, 0.2f, 0.1f};
    int[] labels = {2, 2};
    assertThat(TopK.accuracy(scores, labels, 3, 1)).isZero();
    assertThat(TopK.accuracy(scores, labels, 3, 2)).isEqualTo(0.5);
    assertThat(TopK.accuracy(scores, labels, 3, 3)).isEqualTo(1.0);
  }
}
