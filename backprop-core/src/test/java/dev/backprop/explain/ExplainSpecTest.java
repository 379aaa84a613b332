package dev.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainSpecTest {
  private static final ExplainSpec DEFAULTS = ExplainSpec.defaults();

  @Test
  void defaultsAreTheFirstNotesNetworkWithSigmoidAndCrossEntropy() {
    assertThat(DEFAULTS.layers()).containsExactly(3, 3, 3, 3);
    assertThat(DEFAULTS.activation()).isEqualTo("sigmoid");
    assertThat(DEFAULTS.loss()).isEqualTo("cross-entropy");
    assertThat(DEFAULTS.seed()).isEqualTo(1);
    assertThat(DEFAULTS.learningRate()).isEqualTo(0.1);
    assertThat(DEFAULTS.architecture()).isEqualTo("3-3-3-3");
  }

  @Test
  void knownNamesAreListedAndAcceptedInAnyCase() {
    assertThat(ExplainSpec.ACTIVATIONS).containsExactly("sigmoid", "tanh", "relu", "leaky-relu");
    assertThat(ExplainSpec.LOSSES).containsExactly("cross-entropy", "squared-error", "mse");
    ExplainSpec spec = DEFAULTS.withActivation("Leaky-ReLU").withLoss(" MSE ");
    assertThat(spec.activation()).isEqualTo("leaky-relu");
    assertThat(spec.loss()).isEqualTo("mse");
  }

  @Test
  void layersAreCopiedSoTheCallerCannotChangeThem() {
    List<Integer> sizes = new ArrayList<>(List.of(2, 3));
    ExplainSpec spec = new ExplainSpec(sizes, "tanh", "mse", 1, 0.1);
    sizes.set(0, 9);
    assertThat(spec.layers()).containsExactly(2, 3);
  }

  @Test
  void fewerThanTwoLayerSizesAreRejected() {
    assertThatThrownBy(() -> DEFAULTS.withLayers(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layers: expected at least 2 sizes (inputs and outputs, e.g. 3,3,3,3), got 3");
    assertThatThrownBy(() -> new ExplainSpec(null, "sigmoid", "mse", 1, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got none");
  }

  @Test
  void aLayerSizeBelowOneIsRejectedWithItsPosition() {
    assertThatThrownBy(() -> DEFAULTS.withLayers(3, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layers: size 0 at position 2 of 3,0,3 is out of range; expected 1 to 32 units");
    assertThatThrownBy(() -> DEFAULTS.withLayers(-4, 3))
        .hasMessageContaining("size -4 at position 1");
  }

  @Test
  void layersTooLargeToPrintAreRejected() {
    assertThatThrownBy(() -> DEFAULTS.withLayers(3, 33, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size 33 at position 2")
        .hasMessageContaining("expected 1 to 32 units");
    int[] eleven = new int[11];
    Arrays.fill(eleven, 2);
    assertThatThrownBy(() -> DEFAULTS.withLayers(eleven))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected at most 10 sizes, got 11");
  }

  @Test
  void aMissingLayerSizeIsRejected() {
    assertThatThrownBy(() -> new ExplainSpec(Arrays.asList(3, null), "sigmoid", "mse", 1, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size null at position 2");
  }

  @Test
  void unknownActivationIsRejectedWithTheKnownNames() {
    assertThatThrownBy(() -> DEFAULTS.withActivation("sigmod"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activation: unknown 'sigmod'; expected one of sigmoid, tanh, relu, leaky-relu");
    assertThatThrownBy(() -> DEFAULTS.withActivation(null)).hasMessageContaining("unknown 'null'");
  }

  @Test
  void unknownLossIsRejectedWithTheKnownNames() {
    assertThatThrownBy(() -> DEFAULTS.withLoss("hinge"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("loss: unknown 'hinge'; expected one of cross-entropy, squared-error, mse");
  }

  @Test
  void crossEntropyOverASingleOutputIsRejected() {
    assertThatThrownBy(() -> DEFAULTS.withLayers(3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cross-entropy needs at least 2 outputs")
        .hasMessageContaining("got layers 3,1");
    assertThat(DEFAULTS.withLoss("squared-error").withLayers(3, 1).layers()).containsExactly(3, 1);
  }

  @Test
  void learningRateMustBePositiveAndAtMostOneThousand() {
    for (double bad : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY, 1000.5}) {
      assertThatThrownBy(() -> DEFAULTS.withLearningRate(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("learning rate: expected a number greater than 0 and at most 1000, got " + bad);
    }
    assertThat(DEFAULTS.withLearningRate(1000).learningRate()).isEqualTo(1000);
  }

  @Test
  void theLargestLearningRateStillGivesFiniteValuesAfterTheStep() {
    // One huge step drives the target's probability to 1: the loss reaches (minus) zero, not NaN.
    Explanation e = Explain.run(DEFAULTS.withLearningRate(1000));
    assertThat(e.lossAfterStep()).isFinite().isCloseTo(0, within(1e-12));
    assertThat(e.toText()).contains(", after 0.000000: decreased by " + Blocks.decimals(e.loss(), 6)).doesNotContain("-0.000000");
  }
}
