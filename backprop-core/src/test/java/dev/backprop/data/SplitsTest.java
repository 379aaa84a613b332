package dev.backprop.data;

import static dev.backprop.data.CsvErrorsTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitsTest {
  /** Rows numbered by their single feature value; classes of sizes 600, 300, 100. */
  private static Dataset imbalanced() {
    int n = 1000;
    float[] features = new float[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      features[i] = i;
      labels[i] = i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2;
    }
    return Dataset.classification("imbalanced", List.of("id"), features, List.of("a", "b", "c"), labels);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aStratifiedSplitKeepsTheClassProportionsExactly(long seed) {
    DatasetSplit split = Splits.trainValidation(imbalanced(), 0.2, seed);
    assertThat(split.holdout().classCounts()).containsExactly(120, 60, 20);
    assertThat(split.train().classCounts()).containsExactly(480, 240, 80);
  }

  @Test
  void thePartsAreDisjointCoverEveryRowAndKeepTheOriginalOrder() {
    DatasetSplit split = Splits.trainValidation(imbalanced(), 0.25, 9);
    Set<Float> seen = new HashSet<>();
    for (Dataset part : List.of(split.train(), split.holdout())) {
      float previous = -1;
      for (float id : part.features()) {
        assertThat(id).isGreaterThan(previous);
        assertThat(seen.add(id)).isTrue();
        previous = id;
      }
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void theSameSeedChoosesTheSameRowsAndAnotherSeedOthers() {
    float[] first = Splits.trainValidation(imbalanced(), 0.1, 42).holdout().features();
    assertThat(Splits.trainValidation(imbalanced(), 0.1, 42).holdout().features()).isEqualTo(first);
    assertThat(Splits.trainValidation(imbalanced(), 0.1, 43).holdout().features()).isNotEqualTo(first);
  }

  @Test
  void remaindersGoToTheClassesWithTheLargestFractionsAndEveryClassKeepsATrainingRow() {
    // Classes of 5, 3 and 1 rows; 30% of 9 rows = 3 validation rows: exact shares 1.67, 1, 0.33.
    float[] features = new float[9];
    int[] labels = {0, 0, 0, 0, 0, 1, 1, 1, 2};
    Dataset small = Dataset.classification("small", List.of("x"), features, List.of("a", "b", "c"), labels);
    DatasetSplit split = Splits.trainValidation(small, 0.3, 1);
    assertThat(split.holdout().classCounts()).containsExactly(2, 1, 0);
    assertThat(split.train().classCounts()).containsExactly(3, 2, 1);
  }

  @Test
  void regressionDataIsSplitByAPlainShuffle() {
    Dataset sine = BuiltinData.sine(100, 0.1, 1);
    DatasetSplit split = Splits.trainValidation(sine, 0.3, 1);
    assertThat(split.train().size()).isEqualTo(70);
    assertThat(split.holdout().size()).isEqualTo(30);
    assertThat(split.holdout().targetNames()).containsExactly("y");
  }

  @Test
  void aSplitThatWouldLeaveAnEmptyPartIsReported() {
    Dataset tiny = Dataset.classification("tiny.csv", List.of("x"), new float[3], List.of("a"), new int[3]);
    assertThat(message(() -> Splits.trainValidation(tiny, 0.1, 1)))
        .isEqualTo("tiny.csv: a validation fraction of 0.1 of 3 rows leaves 0 validation and 3 training rows;"
            + " both parts need at least one row");
  }
}
