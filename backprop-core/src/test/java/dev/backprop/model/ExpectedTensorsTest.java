package dev.backprop.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.nn.Module;
import dev.backprop.tensor.DType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedTensorsTest {
  @Test
  void theTensorsWorkedOutFromAnArchitectureAreThoseItsNetworkHas() {
    Module net = Fixtures.everyLayer(DType.FLOAT32);
    Map<String, int[]> actual = new LinkedHashMap<>();
    net.state().forEach((name, t) -> actual.put(name, t.shape()));
    Map<String, int[]> expected = ExpectedTensors.of(net.spec());

    assertThat(expected.keySet()).containsExactlyElementsOf(actual.keySet());
    expected.forEach((name, shape) -> assertThat(shape).as(name).isEqualTo(actual.get(name)));
    assertThat(ExpectedTensors.inputs(net.spec())).isEqualTo(6);
  }
}
