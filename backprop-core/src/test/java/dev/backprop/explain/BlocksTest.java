package dev.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlocksTest {
  @Test
  void matricesSitSideBySideInEqualWidthColumnsWithTheOperatorOnTheMiddleRow() {
    Matrix w = new Matrix(3, 2, new double[] {1, -0.5, 0.25, 2, -10.125, 0});
    Matrix h = Matrix.column(0.5, 1.5);
    String text = Blocks.sideBySide(Blocks.matrix("W", w), Blocks.operator("·"), Blocks.matrix("h", h));
    assertThat(text).isEqualTo(String.join("\n",
        "              W                    h",
        "    [   1.0000   -0.5000 ]     [ 0.5000 ]",
        "    [   0.2500    2.0000 ]  ·  [ 1.5000 ]",
        "    [ -10.1250    0.0000 ]",
        ""));
  }

  @Test
  void aValueThatRoundsToZeroPrintsWithoutAMinusSign() {
    assertThat(Blocks.decimals(-0.00004, 4)).isEqualTo("0.0000");
    assertThat(Blocks.decimals(-0.0, 6)).isEqualTo("0.000000");
    assertThat(Blocks.decimals(-0.00005, 4)).isEqualTo("-0.0001");
    assertThat(Blocks.decimals(-3.2, 1)).isEqualTo("-3.2");
  }

  @Test
  void aTitleWiderThanItsMatrixWidensTheColumn() {
    String text = Blocks.sideBySide(Blocks.matrix("finite difference", Matrix.column(1)), Blocks.matrix("x", Matrix.column(2)));
    assertThat(text).isEqualTo(String.join("\n",
        "    finite difference      x",
        "    [ 1.0000 ]         [ 2.0000 ]",
        ""));
  }
}
