package dev.backprop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertThat(Stats.median(List.of(9.0, 1.0, 4.0))).isEqualTo(4.0);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    assertThat(Stats.median(List.of(8.0, 1.0, 2.0, 100.0))).isEqualTo(5.0);
  }

  @Test
  void medianOfNothingIsAnError() {
    assertThatThrownBy(() -> Stats.median(List.of())).hasMessageContaining("no values");
  }
}
