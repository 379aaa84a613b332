package dev.backprop.kernels;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GemmArgumentsTest {

  private static final float[] SIX = new float[6];

  @Test
  void negativeSizesAreRejectedByName() {
    assertThatThrownBy(() -> Gemm.gemm(false, false, -1, 2, 3, SIX, 0, SIX, 0, SIX, 0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("m must be >= 0 but was -1");
    assertThatThrownBy(() -> Gemm.gemm(false, false, 2, -2, 3, SIX, 0, SIX, 0, SIX, 0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be >= 0 but was -2");
    assertThatThrownBy(() -> Gemm.gemm(false, false, 2, 2, -3, new double[6], 0, new double[6], 0,
        new double[6], 0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be >= 0 but was -3");
  }

  @Test
  void negativeOffsetsAreRejectedByName() {
    assertThatThrownBy(() -> Gemm.gemm(false, false, 1, 1, 1, SIX, 0, SIX, -4, new float[1], 0,
        false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("offB must be >= 0 but was -4");
  }

  @Test
  void tooShortArraysAreReportedWithTheShapeTheyMustHold() {
    assertThatThrownBy(() -> Gemm.gemm(true, false, 3, 2, 4, new float[13], 2, new float[8], 0,
        new float[6], 0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a is too short: op(A) is 3×4 (A stored 4×3, transposed) from offset 2 needs"
            + " length >= 14 but a.length = 13");
    assertThatThrownBy(() -> Gemm.gemm(false, true, 3, 2, 4, new double[12], 0, new double[7], 0,
        new double[6], 0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("b is too short: op(B) is 4×2 (B stored 2×4, transposed) from offset 0 needs"
            + " length >= 8 but b.length = 7");
    assertThatThrownBy(() -> Gemm.gemm(false, false, 3, 2, 4, new float[12], 0, new float[8], 0,
        new float[7], 3, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("c is too short: C is 3×2 from offset 3 needs length >= 9 but c.length = 7");
  }

  @Test
  void hugeSizesDoNotOverflowIntoAcceptance() {
    assertThatThrownBy(() -> Gemm.gemm(false, false, 65536, 65536, 1, SIX, 0, SIX, 0, SIX, 0,
        false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs length >= 65536 but a.length = 6");
  }

  @Test
  void outputOverlappingAnInputIsRejected() {
    float[] shared = new float[20];
    assertThatThrownBy(() -> Gemm.gemm(false, false, 2, 2, 2, shared, 0, new float[4], 0, shared,
        3, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("c overlaps a: c[3, 7) and a[0, 4) are the same array; the output must not"
            + " alias an input");
  }

  @Test
  void outputBesideAnInputInTheSameArrayIsAccepted() {
    float[] shared = {1, 2, 3, 4, 0, 0, 0, 0};
    Gemm.gemm(false, false, 2, 2, 2, shared, 0, new float[] {1, 0, 0, 1}, 0, shared, 4, false);
    org.assertj.core.api.Assertions.assertThat(shared).containsExactly(1, 2, 3, 4, 1, 2, 3, 4);
  }
}
