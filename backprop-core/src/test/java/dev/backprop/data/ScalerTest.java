package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalerTest {
  // Column 0: 1, 2, 3, 6 (mean 3, population std √3.5); column 1 constant 5.
  private static final float[] TRAIN = {1, 5, 2, 5, 3, 5, 6, 5};

  private static Dataset data(float[] features) {
    return Dataset.unlabeled("t", List.of("a", "b"), features);
  }

  @Test
  void standardizationUsesTheMeanAndPopulationStandardDeviation() {
    Scaler scaler = Scaler.fit(Scaler.Method.STANDARDIZE, data(TRAIN));
    assertThat(scaler.offsets()).containsExactly(3f, 5f);
    assertThat(scaler.scales()[0]).isCloseTo((float) Math.sqrt(3.5), within(1e-6f));
    float[] scaled = scaler.transform(TRAIN);
    assertThat(scaled[0]).isCloseTo((float) (-2 / Math.sqrt(3.5)), within(1e-6f));
    assertThat(scaled[6]).isCloseTo((float) (3 / Math.sqrt(3.5)), within(1e-6f));
  }

  @Test
  void aConstantColumnGetsScaleOneAndMapsToZeroInsteadOfDividingByZero() {
    for (Scaler.Method method : List.of(Scaler.Method.STANDARDIZE, Scaler.Method.MIN_MAX)) {
      Scaler scaler = Scaler.fit(method, data(TRAIN));
      assertThat(scaler.scales()[1]).isEqualTo(1f);
      float[] scaled = scaler.transform(TRAIN);
      for (int i = 0; i < 4; i++) {
        assertThat(scaled[2 * i + 1]).isEqualTo(0f);
      }
    }
  }

  @Test
  void minMaxMapsTheTrainingRangeOntoTheUnitInterval() {
    Scaler scaler = Scaler.fit(Scaler.Method.MIN_MAX, data(TRAIN));
    assertThat(scaler.offsets()).containsExactly(1f, 5f);
    assertThat(scaler.scales()).containsExactly(5f, 1f);
    assertThat(scaler.transform(TRAIN)).containsExactly(0f, 0f, 0.2f, 0f, 0.4f, 0f, 1f, 0f);
  }

  @Test
  void noneLeavesValuesUnchanged() {
    Scaler scaler = Scaler.fit(Scaler.Method.NONE, data(TRAIN));
    assertThat(scaler.transform(TRAIN)).containsExactly(TRAIN);
  }

  @Test
  void theScalerFittedOnTrainingDataIsAppliedUnchangedToOtherData() {
    Dataset train = data(TRAIN);
    Dataset test = data(new float[] {100, 5, -100, 7});
    Scaler scaler = Scaler.fit(Scaler.Method.MIN_MAX, train);
    Dataset scaledTest = scaler.transform(test);
    assertThat(scaledTest.features()).containsExactly(19.8f, 0f, -20.2f, 2f);
    assertThat(Scaler.fit(Scaler.Method.MIN_MAX, test).offsets()).isNotEqualTo(scaler.offsets());
  }

  @Test
  void transformingADataSetKeepsItsTargetAndNames() {
    Dataset labelled = Dataset.classification("t", List.of("a", "b"), TRAIN, List.of("x", "y"), new int[] {0, 1, 1, 0});
    Dataset scaled = Scaler.fit(Scaler.Method.STANDARDIZE, labelled).transform(labelled);
    assertThat(scaled.labels()).containsExactly(0, 1, 1, 0);
    assertThat(scaled.featureNames()).containsExactly("a", "b");
    assertThat(scaled.classNames()).containsExactly("x", "y");
  }

  @Test
  void storedParametersRestoreAnIdenticalScalerAndInverseUndoesTheTransform() {
    Scaler fitted = Scaler.fit(Scaler.Method.STANDARDIZE, data(TRAIN));
    Scaler restored = Scaler.of(fitted.method(), fitted.offsets(), fitted.scales());
    float[] probe = {0.5f, 4f, 10f, -3f};
    assertThat(restored.transform(probe)).containsExactly(fitted.transform(probe));
    float[] back = restored.inverse(restored.transform(probe));
    for (int i = 0; i < probe.length; i++) {
      assertThat(back[i]).isCloseTo(probe[i], within(1e-5f));
    }
  }

  @Test
  void mismatchedShapesAndInvalidParametersAreRefused() {
    Scaler scaler = Scaler.fit(Scaler.Method.STANDARDIZE, data(TRAIN));
    assertThatThrownBy(() -> scaler.transform(Dataset.unlabeled("x", List.of("a"), new float[] {1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x has 1 features; the scaler was fitted on 2");
    assertThatThrownBy(() -> scaler.transform(new float[3])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Scaler.of(Scaler.Method.STANDARDIZE, new float[] {0}, new float[] {0}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
