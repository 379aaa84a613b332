package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskTest {
  @Test
  void twoWholeValuesAreAlwaysClassification() {
    assertThat(Task.infer(new float[] {0, 1})).isEqualTo(Task.CLASSIFICATION);
  }

  @Test
  void aFractionalValueMakesRegression() {
    assertThat(Task.infer(new float[] {0, 1, 0, 1, 0.5f, 1})).isEqualTo(Task.REGRESSION);
  }

  @Test
  void upToTwentyWholeValuesEachSeenTwiceOnAverageAreClasses() {
    float[] twenty = new float[40];
    for (int i = 0; i < 40; i++) {
      twenty[i] = i % 20;
    }
    assertThat(Task.infer(twenty)).isEqualTo(Task.CLASSIFICATION);
    float[] twentyOne = new float[42];
    for (int i = 0; i < 42; i++) {
      twentyOne[i] = i % 21;
    }
    assertThat(Task.infer(twentyOne)).isEqualTo(Task.REGRESSION);
  }

  @Test
  void wholeValuesThatRarelyRepeatAreRegression() {
    assertThat(Task.infer(new float[] {1, 2, 3, 4, 5, 5})).isEqualTo(Task.REGRESSION);
    assertThat(Task.infer(new float[] {1, 2, 3, 1, 2, 3})).isEqualTo(Task.CLASSIFICATION);
  }
}
