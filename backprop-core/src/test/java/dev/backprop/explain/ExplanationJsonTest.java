package dev.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.io.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplanationJsonTest {
  private static final Explanation E = Explain.run(ExplainSpec.defaults());
  private static final Map<String, Object> ROOT = Json.parseObject(E.toJson());

  @Test
  void jsonIsOneObjectOnOneLineWithTheTopLevelKeys() {
    assertThat(E.toJson()).doesNotContain("\n");
    assertThat(ROOT).containsOnlyKeys("spec", "input", "target", "layers", "loss", "outputGradient", "update",
        "maxFiniteDifferenceError", "maxAutogradDifference");
  }

  @Test
  void specRecordsWhatWasExplained() {
    assertThat(map(ROOT.get("spec"))).isEqualTo(Map.of(
        "layers", List.of(3L, 3L, 3L, 3L), "activation", "sigmoid", "loss", "cross-entropy", "output", "softmax",
        "seed", 1L, "learningRate", 0.1, "epsilon", 1e-6));
  }

  @Test
  void everyLayerCarriesItsValuesGradientsAutogradAndUpdate() {
    List<?> layers = (List<?>) ROOT.get("layers");
    assertThat(layers).hasSize(3);
    for (int l = 1; l <= 3; l++) {
      Map<String, Object> layer = map(layers.get(l - 1));
      assertThat(layer).containsKeys("layer", "W", "b", "z", "h", "dz", "dW", "db", "dhPrevious", "autograd", "updated");
      assertThat(layer.get("layer")).isEqualTo((long) l);
      assertThat(layer.containsKey("activationDerivative")).isEqualTo(l < 3);
      assertThat(map(layer.get("dW"))).containsOnlyKeys("analytic", "numeric", "maxAbsDifference");
      assertThat(map(layer.get("autograd"))).containsOnlyKeys("dW", "db", "maxAbsDifference");
      assertThat(map(layer.get("updated"))).containsOnlyKeys("W", "b");
    }
  }

  @Test
  void numbersSurviveTheRoundTripExactly() {
    Map<String, Object> layer3 = map(((List<?>) ROOT.get("layers")).get(2));
    List<Object> firstRow = list(list(layer3.get("W")).get(0));
    assertThat(firstRow).containsExactly(E.layer(3).weight().get(0, 0), E.layer(3).weight().get(0, 1),
        E.layer(3).weight().get(0, 2));
    List<Object> numericDz = list(map(layer3.get("dz")).get("numeric"));
    assertThat(numericDz).containsExactly(E.layer(3).gradients().dz().numeric().get(0, 0),
        E.layer(3).gradients().dz().numeric().get(1, 0), E.layer(3).gradients().dz().numeric().get(2, 0));
    assertThat(ROOT.get("loss")).isEqualTo(E.loss());
    assertThat(map(ROOT.get("update"))).containsEntry("lossAfter", E.lossAfterStep())
        .containsEntry("predictedDecrease", E.predictedDecrease());
    assertThat(ROOT.get("maxFiniteDifferenceError")).isEqualTo(E.maxFiniteDifferenceError());
  }

  @Test
  void aNetworkWithOneOutputWritesSingleElementArrays() {
    Explanation tiny = Explain.run(ExplainSpec.defaults().withLoss("squared-error").withLayers(1, 1));
    Map<String, Object> layer = map(((List<?>) Json.parseObject(tiny.toJson()).get("layers")).get(0));
    assertThat(list(layer.get("W"))).containsExactly(List.of(tiny.layer(1).weight().get(0, 0)));
    assertThat((List<?>) layer.get("activationDerivative")).hasSize(1);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
