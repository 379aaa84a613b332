package dev.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExplanationTextTest {
  private static final Explanation E = Explain.run(ExplainSpec.defaults());
  private static final String TEXT = E.toText();

  @Test
  void sectionsAppearInTheOrderOfThePass() {
    List<String> headings = List.of(
        "== 1. The example ==",
        "== 2. Forward pass: going up, layer by layer ==",
        "== 3. Loss ==",
        "== 4. Backward pass: going down, from the output layer ==",
        "== 5. The same gradients by autograd ==",
        "== 6. One gradient-descent step: θ ← θ − η·∇L with η = 0.1 (first note) ==",
        "== Summary ==");
    int previous = -1;
    for (String heading : headings) {
      int at = TEXT.indexOf(heading);
      assertThat(at).as(heading).isGreaterThan(previous);
      previous = at;
    }
  }

  @Test
  void forwardGoesUpAndBackwardGoesDownInTheDerivationsNotation() {
    String forward = section(2);
    assertThat(forward.indexOf("z⁽¹⁾ = W⁽¹⁾·h⁽⁰⁾ + b⁽¹⁾,  h⁽¹⁾ = σ(z⁽¹⁾)"))
        .isLessThan(forward.indexOf("z⁽²⁾ = W⁽²⁾·h⁽¹⁾ + b⁽²⁾,  h⁽²⁾ = σ(z⁽²⁾)"));
    assertThat(forward).contains("z⁽³⁾ = W⁽³⁾·h⁽²⁾ + b⁽³⁾,  q = h⁽³⁾ = softmax(z⁽³⁾)");
    String backward = section(4);
    List<String> order = List.of("dh⁽³⁾ = ∂L/∂q = −y ⊘ q", "dz⁽³⁾ = q − y", "dW⁽³⁾ = dz⁽³⁾·h⁽²⁾ᵀ", "db⁽³⁾ = dz⁽³⁾",
        "dh⁽²⁾ = W⁽³⁾ᵀ·dz⁽³⁾", "dz⁽²⁾ = dh⁽²⁾ ⊙ σ'(z⁽²⁾)", "dW⁽²⁾ = dz⁽²⁾·h⁽¹⁾ᵀ", "dh⁽¹⁾ = W⁽²⁾ᵀ·dz⁽²⁾",
        "dz⁽¹⁾ = dh⁽¹⁾ ⊙ σ'(z⁽¹⁾)", "dW⁽¹⁾ = dz⁽¹⁾·h⁽⁰⁾ᵀ", "db⁽¹⁾ = dz⁽¹⁾", "dx = dh⁽⁰⁾ = W⁽¹⁾ᵀ·dz⁽¹⁾");
    int previous = -1;
    for (String step : order) {
      int at = backward.indexOf(step);
      assertThat(at).as(step).isGreaterThan(previous);
      previous = at;
    }
  }

  @Test
  void everyStepNamesTheNoteItComesFrom() {
    assertThat(TEXT).contains("third note: softmax's Jacobian", "fourth note: ∂L/∂wᵢⱼ = δᵢ·hⱼ",
        "fifth note: the error flows back along the same weights", "third note: cross-entropy", "(first note)");
  }

  @Test
  void printedNumbersAreTheRecordedValues() {
    assertThat(section(3)).contains("= −ln q₂ = " + Blocks.decimals(E.loss(), 6));
    LayerTrace output = E.layer(3);
    String firstRow = "[ " + cells(output.weight(), 0) + " ]";
    assertThat(section(2)).contains(firstRow);
    assertThat(section(4)).contains("max |Δ| " + String.format(Locale.ROOT, "%.1e",
        output.gradients().dWeight().maxAbsDifference()));
    assertThat(section(6)).contains("after " + Blocks.decimals(E.lossAfterStep(), 6) + ": decreased by "
        + Blocks.decimals(E.loss() - E.lossAfterStep(), 6));
  }

  @Test
  void summaryStatesTheAgreementWithFiniteDifferencesAndAutograd() {
    assertThat(section(7)).contains("(within 1e-6: the chain rule checks out)")
        .contains("largest |explicit − autograd| over every dW and db: ");
  }

  @Test
  void squaredErrorExplainsTheFourthNotesDelta() {
    String text = Explain.run(ExplainSpec.defaults().withLoss("squared-error").withActivation("tanh")).toText();
    assertThat(text).contains("a = h⁽³⁾ = σ(z⁽³⁾)", "L = ½·Σᵢ (aᵢ − yᵢ)² = ", "dh⁽³⁾ = ∂L/∂a = a − y",
        "dz⁽³⁾ = dh⁽³⁾ ⊙ σ'(z⁽³⁾)", "fourth note: δ = (a − y)·σ'(z)", "dz⁽²⁾ = dh⁽²⁾ ⊙ tanh'(z⁽²⁾)",
        "tanh'(z) = 1 − tanh²(z)", "hidden layers of 3, 3 units (g = tanh)");
  }

  @Test
  void aNetworkWithoutHiddenLayerSaysSo() {
    String text = Explain.run(ExplainSpec.defaults().withLayers(2, 3)).toText();
    assertThat(text).contains("2 inputs → no hidden layer → 3 outputs (softmax)", "dx = dh⁽⁰⁾ = W⁽¹⁾ᵀ·dz⁽¹⁾")
        .doesNotContain("layer 2");
  }

  private static String section(int number) {
    String[] parts = TEXT.split("\n== ");
    return parts[number];
  }

  /** One row as the text aligns it: every cell right-aligned to the widest cell of the matrix. */
  private static String cells(Matrix m, int row) {
    int width = 0;
    for (double v : m.values()) {
      width = Math.max(width, Blocks.decimals(v, 4).length());
    }
    StringBuilder s = new StringBuilder();
    for (int j = 0; j < m.cols(); j++) {
      String cell = Blocks.decimals(m.get(row, j), 4);
      s.append(j == 0 ? "" : "  ").append(" ".repeat(width - cell.length())).append(cell);
    }
    return s.toString();
  }
}
