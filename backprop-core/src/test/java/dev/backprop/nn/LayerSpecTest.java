package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.tensor.Tensor;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LayerSpecTest {
  static Stream<LayerSpec> everyLayerType() {
    return Stream.of(
        new DenseSpec(3, 4, false, new Initializer(Initializer.Scheme.LECUN_UNIFORM, 0.5)),
        new SigmoidSpec(), new TanhSpec(), new ReLUSpec(), new LeakyReLUSpec(0.2), new ELUSpec(0.8),
        new SELUSpec(), new GELUSpec(), new SoftmaxSpec(), new IdentitySpec(),
        new DropoutSpec(0.25, -7), new BatchNormSpec(4, 1e-3, 0.05, false),
        Sequential.mlp(3, 4, 2).batchNorm(true).dropout(0.5).activation(Activation.SELU).spec(9));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyLayerType")
  void everySpecSurvivesToMapAndFromMapAndBuildsAModuleWithThatSpec(LayerSpec spec) {
    assertThat(LayerSpec.fromMap(spec.toMap())).isEqualTo(spec);
    Module module = spec.build(new SplittableRandom(1));
    assertThat(module.spec()).isEqualTo(spec);
    assertThat(module.toFloat64().spec()).isEqualTo(spec);
  }

  @Test
  void mapsHoldOnlyPlainValues() {
    Map<String, Object> map = Sequential.mlp(2, 3, 1).dropout(0.5).spec(1).toMap();
    assertThat(map.get("type")).isEqualTo("Sequential");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> layers = (List<Map<String, Object>>) map.get("layers");
    assertThat(layers).extracting(m -> m.get("type")).containsExactly("Dense", "ReLU", "Dropout", "Dense");
    assertThat(layers.get(0)).containsEntry("in", 2).containsEntry("out", 3).containsEntry("bias", true)
        .containsEntry("init", Map.of("scheme", "he-normal", "gain", Math.sqrt(2)));
    assertThat(layers.get(2).get("seed")).isInstanceOf(Long.class);
  }

  @Test
  void aRebuiltNetworkWithLoadedStateComputesTheSameOutputs() {
    Sequential original = Sequential.mlp(5, 7, 3).batchNorm(true).build(3);
    original.forward(Tensor.randn(new SplittableRandom(1), 8, 5));
    Module rebuilt = LayerSpec.fromMap(original.spec().toMap()).build(new SplittableRandom(99));
    rebuilt.loadState(original.state());
    Tensor x = Tensor.randn(new SplittableRandom(2), 4, 5);
    assertThat(rebuilt.eval().forward(x).toFloatArray()).containsExactly(original.eval().forward(x).toFloatArray());
  }

  @Test
  void fromMapAcceptsJsonNumberTypesAndFillsOptionalEntries() {
    Map<String, Object> dense = new LinkedHashMap<>();
    dense.put("type", "Dense");
    dense.put("in", 4L);
    dense.put("out", 2.0);
    assertThat(LayerSpec.fromMap(dense)).isEqualTo(new DenseSpec(4, 2, true, Initializer.glorotUniform()));
    assertThat(LayerSpec.fromMap(Map.of("type", "Dense", "in", new BigDecimal("4"), "out", 2,
        "init", Map.of("scheme", "he-uniform"))))
        .isEqualTo(new DenseSpec(4, 2, true, Initializer.heUniform()));
    assertThat(LayerSpec.fromMap(Map.of("type", "LeakyReLU"))).isEqualTo(new LeakyReLUSpec(0.01));
    assertThat(LayerSpec.fromMap(Map.of("type", "BatchNorm", "features", 3)))
        .isEqualTo(new BatchNormSpec(3, 1e-5, 0.1, true));
    assertThat(LayerSpec.fromMap(Map.of("type", "Dropout", "p", 0.5, "seed", new BigDecimal("-9223372036854775808"))))
        .isEqualTo(new DropoutSpec(0.5, Long.MIN_VALUE));
  }

  @Test
  void fromMapErrorsNameThePathTheEntryAndTheValue() {
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "Conv2d")))
        .hasMessageStartingWith("$: unknown layer type 'Conv2d'; expected one of [Dense,");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("in", 3)))
        .hasMessage("$: missing 'type'");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "Dense", "in", 3, "out", 2.5)))
        .hasMessage("$.out: expected a whole number within 64 bits, got 2.5");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "Dense", "in", "3", "out", 2)))
        .hasMessage("$.in: expected a whole number within 64 bits, got \"3\"");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "Dense", "in", 3, "out", 1L << 40)))
        .hasMessage("$.out: expected a whole number within 32 bits, got 1099511627776");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "Dense", "in", 3, "out", 2, "bias", "yes")))
        .hasMessage("$.bias: expected true or false, got \"yes\"");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "Dense", "in", 3, "outs", 2)))
        .hasMessage("$: missing 'out'");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "ReLU", "slope", 2)))
        .hasMessage("$: unknown entry 'slope'");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "Dense", "in", 3, "out", 2, "init", Map.of("scheme", "xavier"))))
        .hasMessageStartingWith("$.init.scheme: unknown initializer 'xavier'");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "Sequential", "layers",
        List.of(Map.of("type", "ReLU"), Map.of("type", "Dropout", "p", 1.5, "seed", 1)))))
        .hasMessage("$.layers[1]: Dropout: p must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "Sequential", "layers", List.of("ReLU"))))
        .hasMessage("$.layers[0]: expected a layer object, got ReLU");
    assertThatThrownBy(() -> LayerSpec.fromMap(Map.of("type", "Dense", "in", 0, "out", 2)))
        .hasMessage("$: Dense: in and out must be at least 1, got in=0, out=2");
  }

  @Test
  void specRecordsRejectInvalidValues() {
    assertThatThrownBy(() -> new LeakyReLUSpec(Double.POSITIVE_INFINITY)).hasMessageContaining("slope must be finite");
    assertThatThrownBy(() -> new ELUSpec(Double.NaN)).hasMessageContaining("alpha must be finite");
    assertThatThrownBy(() -> new DenseSpec(2, 2, true, null)).hasMessageContaining("initializer is missing");
  }

  @Test
  void aDenseLayerTooLargeForOneArrayIsRefusedWithItsSize() {
    assertThatThrownBy(
            () -> new DenseSpec(50_000, 50_000, true, Initializer.heNormal()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in=50000 x out=50000 is 2,500,000,000 weights");
  }
}
