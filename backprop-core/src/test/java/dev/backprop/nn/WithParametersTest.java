package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.tensor.GradCheck;
import dev.backprop.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WithParametersTest {
  private static Module net() {
    return Sequential.mlp(3, 4, 2).activation(Activation.TANH).batchNorm(true).build(5).eval().toFloat64();
  }

  private static Map<String, Tensor> copies(Module m) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    m.namedParameters().forEach((name, t) -> out.put(name, Tensor.of(t.toDoubleArray(), t.shape()).requiresGrad()));
    return out;
  }

  @Test
  void theCopyComputesWithTheGivenTensorsAndGradientsFlowToThem() {
    Module net = net();
    Tensor x = Tensor.randn(new SplittableRandom(2), 5, 3).toFloat64();
    Map<String, Tensor> given = copies(net);

    Module copy = net.withParameters(given);
    copy.forward(x).sum().backward();

    assertThat(copy.forward(x).toDoubleArray()).containsExactly(net.forward(x).toDoubleArray());
    assertThat(given.values()).allMatch(t -> t.grad() != null);
    assertThat(net.parameters()).allMatch(p -> p.grad() == null);
    assertThat(copy.namedBuffers().get("1.running_mean")).isSameAs(net.namedBuffers().get("1.running_mean"));
  }

  @Test
  void everyParameterOfANetworkPassesAFiniteDifferenceCheckThroughTheCopy() {
    Module net = net();
    Tensor x = Tensor.randn(new SplittableRandom(3), 4, 3).toFloat64();
    for (String name : net.namedParameters().keySet()) {
      GradCheck.Result result = GradCheck.check(in -> {
        Map<String, Tensor> parameters = new LinkedHashMap<>(net.namedParameters());
        parameters.put(name, in[0]);
        return net.withParameters(parameters).forward(x).tanh().sum();
      }, net.namedParameters().get(name));
      assertThat(result.passed()).as("%s: %s", name, result).isTrue();
      assertThat(result.comparisons()).isEqualTo(net.namedParameters().get(name).numel());
    }
  }

  @Test
  void missingUnexpectedOrMisshapenTensorsAreRefusedByName() {
    Module net = net();
    Map<String, Tensor> missing = copies(net);
    missing.remove("0.bias");
    Map<String, Tensor> misshapen = copies(net);
    misshapen.put("0.bias", Tensor.zeros(5).toFloat64());

    assertThatThrownBy(() -> net.withParameters(missing)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.bias");
    assertThatThrownBy(() -> net.withParameters(misshapen)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'0.bias' is float64[5], expected float64[4]");
  }
}
