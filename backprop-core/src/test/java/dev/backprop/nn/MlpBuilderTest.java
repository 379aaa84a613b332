package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MlpBuilderTest {
  @Test
  void hiddenLayersAreDenseBatchNormActivationDropoutAndTheOutputEmitsLogits() {
    Sequential net = Sequential.mlp(6, 5, 4, 3).activation(Activation.GELU).batchNorm(true).dropout(0.2).build(1);
    assertThat(net.layers()).extracting(m -> m.getClass().getSimpleName()).containsExactly(
        "Dense", "BatchNorm", "GELU", "Dropout", "Dense", "BatchNorm", "GELU", "Dropout", "Dense");
    assertThat(net.outputShape(6)).containsExactly(3);
  }

  @Test
  void anOutputActivationOtherThanIdentityIsAppended() {
    Sequential net = Sequential.mlp(2, 2, 1).activation(Activation.SIGMOID).outputActivation(Activation.SIGMOID).build(1);
    assertThat(net.layers()).extracting(m -> m.getClass().getSimpleName())
        .containsExactly("Dense", "Sigmoid", "Dense", "Sigmoid");
  }

  @Test
  void eachDenseLayerGetsTheInitializerOfTheActivationThatFollowsIt() {
    SequentialSpec spec = Sequential.mlp(6, 5, 3).activation(Activation.RELU).outputActivation(Activation.SOFTMAX).spec(1);
    assertThat(((DenseSpec) spec.layers().get(0)).init()).isEqualTo(Initializer.heNormal());
    assertThat(((DenseSpec) spec.layers().get(2)).init()).isEqualTo(Initializer.glorotUniform());
    SequentialSpec forced = Sequential.mlp(6, 5, 3).initializer(Initializer.lecunUniform()).bias(false).spec(1);
    assertThat(forced.layers()).filteredOn(DenseSpec.class::isInstance)
        .allMatch(l -> ((DenseSpec) l).init().equals(Initializer.lecunUniform()) && !((DenseSpec) l).bias());
  }

  @Test
  void theSameSeedGivesTheSameBitsAndAnotherSeedOtherWeights() {
    Sequential a = Sequential.mlp(4, 8, 2).dropout(0.5).build(21);
    Sequential b = Sequential.mlp(4, 8, 2).dropout(0.5).build(21);
    Sequential c = Sequential.mlp(4, 8, 2).dropout(0.5).build(22);
    a.state().forEach((name, t) -> assertThat(b.state().get(name).toFloatArray()).containsExactly(t.toFloatArray()));
    assertThat(c.parameters().get(0).toFloatArray()).isNotEqualTo(a.parameters().get(0).toFloatArray());
    Tensor x = Tensor.ones(16, 4);
    assertThat(b.forward(x).toFloatArray()).containsExactly(a.forward(x).toFloatArray());
  }

  @Test
  void dropoutLayersGetDistinctSeeds() {
    SequentialSpec spec = Sequential.mlp(4, 4, 4, 4, 2).dropout(0.5).spec(3);
    assertThat(spec.layers()).filteredOn(DropoutSpec.class::isInstance)
        .extracting(l -> ((DropoutSpec) l).seed()).doesNotHaveDuplicates().hasSize(3);
  }

  @Test
  void invalidSizesAndDropoutAreRejected() {
    assertThatThrownBy(() -> Sequential.mlp(4)).hasMessageContaining("at least an input and an output size");
    assertThatThrownBy(() -> Sequential.mlp(4, 0, 2)).hasMessageContaining("[4, 0, 2]");
    assertThatThrownBy(() -> Sequential.mlp(4, 2).dropout(-0.1)).hasMessageContaining("p must be in [0, 1]");
  }

  @Test
  void activationNamesRoundTripForTheCommandLine() {
    for (Activation a : Activation.values()) {
      assertThat(Activation.byName(a.label())).isEqualTo(a);
      assertThat(a.layer().forward(Tensor.ones(2, 3)).shape()).containsExactly(2, 3);
    }
    assertThat(Activation.LEAKY_RELU.label()).isEqualTo("leaky-relu");
    assertThatThrownBy(() -> Activation.byName("swish")).hasMessageContaining("unknown activation 'swish'");
  }
}
