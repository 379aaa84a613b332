package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static final List<String> XY = List.of("x", "y");

  private static Dataset three() {
    return Dataset.classification("three", XY, new float[] {1, 2, 3, 4, 5, 6}, List.of("a", "b"), new int[] {1, 0, 1});
  }

  @Test
  void featuresAreRowMajorAndAccessorsAgreeWithTheArrays() {
    Dataset data = three();
    assertThat(data.size()).isEqualTo(3);
    assertThat(data.featureCount()).isEqualTo(2);
    assertThat(data.feature(2, 1)).isEqualTo(6f);
    assertThat(data.label(0)).isEqualTo(1);
    assertThat(data.classCounts()).containsExactly(1, 2);
  }

  @Test
  void theFactoriesCopySoCallersCannotChangeTheDataSet() {
    float[] features = {1, 2};
    int[] labels = {0};
    Dataset data = Dataset.classification("d", XY, features, List.of("a"), labels);
    features[0] = 99;
    labels[0] = 5;
    data.features()[1] = 42;
    assertThat(data.features()).containsExactly(1f, 2f);
    assertThat(data.labels()).containsExactly(0);
  }

  @Test
  void gatheringCopiesTheRowsOfABatchInOrder() {
    Dataset data = three();
    float[] features = new float[4];
    int[] labels = new int[2];
    data.gatherFeatures(new int[] {2, 0}, features);
    data.gatherLabels(new int[] {2, 0}, labels);
    assertThat(features).containsExactly(5, 6, 1, 2);
    assertThat(labels).containsExactly(1, 1);
  }

  @Test
  void selectingRowsKeepsColumnsClassesAndTargets() {
    Dataset picked = three().select(new int[] {1, 1});
    assertThat(picked.features()).containsExactly(3, 4, 3, 4);
    assertThat(picked.labels()).containsExactly(0, 0);
    assertThat(picked.classNames()).containsExactly("a", "b");
    Dataset regression = Dataset.regression("r", XY, new float[] {1, 2, 3, 4}, List.of("u", "v"), new float[] {5, 6, 7, 8});
    Dataset second = regression.select(new int[] {1});
    assertThat(second.targets()).containsExactly(7, 8);
    float[] targets = new float[2];
    regression.gatherTargets(new int[] {0}, targets);
    assertThat(targets).containsExactly(5, 6);
    assertThat(regression.target(1, 0)).isEqualTo(7f);
  }

  @Test
  void invalidArraysAreRefusedAsProgrammingErrors() {
    assertThatThrownBy(() -> Dataset.unlabeled("d", XY, new float[3]))
        .hasMessageContaining("3 feature values do not fill rows of 2");
    assertThatThrownBy(() -> Dataset.unlabeled("d", XY, new float[] {1, Float.NaN}))
        .hasMessageContaining("feature value 1 is NaN");
    assertThatThrownBy(() -> Dataset.classification("d", XY, new float[2], List.of("a"), new int[] {1}))
        .hasMessageContaining("label 1 outside [0, 1)");
    assertThatThrownBy(() -> Dataset.classification("d", XY, new float[2], List.of("a"), new int[2]))
        .hasMessageContaining("2 labels for 1 rows");
    assertThatThrownBy(() -> Dataset.unlabeled("d", List.of("x", "x"), new float[2]))
        .hasMessageContaining("duplicate feature names");
  }

  @Test
  void askingForATargetTheDataSetDoesNotHaveIsAnError() {
    Dataset unlabeled = Dataset.unlabeled("u", XY, new float[2]);
    assertThat(unlabeled.task()).isEmpty();
    assertThatThrownBy(unlabeled::labels).isInstanceOf(IllegalStateException.class).hasMessage("u has no class labels");
    assertThatThrownBy(() -> three().targets()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void describeGivesShapeAndTargetSummary() {
    assertThat(three().describe()).isEqualTo("three: 3 rows × 2 features; classification, 2 classes: a 1, b 2");
    Dataset regression = Dataset.regression("r", List.of("x"), new float[] {0, 0, 0, 0}, List.of("y"),
        new float[] {1, 2, 3, 4});
    assertThat(regression.describe())
        .isEqualTo("r: 4 rows × 1 feature; regression on y (mean 2.500, std 1.118, range 1.000 to 4.000)");
    assertThat(Dataset.unlabeled("u", XY, new float[2]).describe()).isEqualTo("u: 1 row × 2 features; no target");
  }
}
