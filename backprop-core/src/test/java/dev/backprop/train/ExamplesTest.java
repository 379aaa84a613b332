package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExamplesTest {
  @Test
  void aNonFiniteFeatureIsRefusedWithItsRowAndColumn() {
    float[] x = {1, 2, 3, Float.NaN, 5, 6};
    assertThatThrownBy(() -> Examples.classification(Tensor.of(x, 3, 2), new int[] {0, 1, 0}, 2))
        .hasMessage("examples: feature at row 1, column 1 is NaN; every value must be finite");
    assertThatThrownBy(() -> Examples.regression(Tensor.of(new float[] {1, 2}, 2, 1),
        Tensor.of(new float[] {0, Float.POSITIVE_INFINITY}, 2)))
        .hasMessage("examples: target at row 1, column 0 is Infinity; every value must be finite");
  }

  @Test
  void labelsMustBeClassIndicesOneForEachRow() {
    Tensor x = Tensor.zeros(3, 2);
    assertThatThrownBy(() -> Examples.classification(x, new int[] {0, 3, 1}, 3))
        .hasMessage("examples: label 3 at row 1 is outside [0, 3)");
    assertThatThrownBy(() -> Examples.classification(x, new int[] {0, 1}, 3))
        .hasMessage("examples: 2 labels for 3 rows of features");
    assertThatThrownBy(() -> Examples.classification(x, new int[] {0, 0, 0}, 1))
        .hasMessage("examples: classification needs at least 2 classes, got 1");
  }

  @Test
  void rowsGathersFeaturesAndTargetsInTheGivenOrder() {
    Tensor x = Tensor.of(new double[] {0, 1, 10, 11, 20, 21}, 3, 2);
    Examples e = Examples.regression(x, Tensor.of(new double[] {5, 6, 7}, 3));
    Examples picked = e.rows(new int[] {2, 0, 2});
    assertThat(picked.features().toDoubleArray()).containsExactly(20, 21, 0, 1, 20, 21);
    assertThat(picked.targets().toDoubleArray()).containsExactly(7, 5, 7);
    assertThat(picked.targetCount()).isEqualTo(1);
    assertThat(e.featuresAt(new int[] {1}, DType.FLOAT32).toFloatArray()).containsExactly(10, 11);
  }

  @Test
  void theValidationSplitIsSeededStratifiedAndDisjointFromTraining() {
    int n = 100;
    float[] x = new float[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      labels[i] = i < 80 ? 0 : 1;
    }
    Examples all = Examples.classification(Tensor.of(x, n, 1), labels, 2);
    Examples[] parts = ValidationSplit.split(all, 0.25, 3);

    assertThat(parts[1].size()).isEqualTo(25);
    assertThat(Arrays.stream(parts[1].labels()).filter(l -> l == 1).count()).isEqualTo(5);
    float[] train = parts[0].features().toFloatArray();
    float[] held = parts[1].features().toFloatArray();
    float[] joined = new float[n];
    System.arraycopy(train, 0, joined, 0, train.length);
    System.arraycopy(held, 0, joined, train.length, held.length);
    Arrays.sort(joined);
    assertThat(joined).containsExactly(x);
    assertThat(ValidationSplit.split(all, 0.25, 3)[1].features().toFloatArray()).containsExactly(held);
    assertThat(ValidationSplit.split(all, 0.25, 4)[1].features().toFloatArray()).isNotEqualTo(held);
  }

  @Test
  void aSplitThatLeavesNothingToValidateIsRefused() {
    Examples two = Examples.classification(Tensor.zeros(2, 1), new int[] {0, 1}, 2);
    assertThatThrownBy(() -> ValidationSplit.split(two, 0.4, 1))
        .hasMessage("validation split: a share of 0.4 of 2 examples leaves 2 for training and 0 for validation;"
            + " both need some");
  }

  @Test
  void eachEpochVisitsEveryRowOnceInAnOrderOfTheSeedAndEpochAlone() {
    int[] order = EpochOrder.of(1000, 42, 3, true);
    assertThat(IntStream.of(order).sorted().toArray()).isEqualTo(IntStream.range(0, 1000).toArray());
    assertThat(EpochOrder.of(1000, 42, 3, true)).isEqualTo(order);
    assertThat(EpochOrder.of(1000, 42, 4, true)).isNotEqualTo(order);
    assertThat(EpochOrder.of(1000, 43, 3, true)).isNotEqualTo(order);
    assertThat(EpochOrder.of(5, 42, 3, false)).containsExactly(0, 1, 2, 3, 4);
  }
}
