package dev.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every hidden activation with every loss, on several shapes and seeds. */
class CombinationsTest {
  static List<Arguments> cases() {
    int[][] shapes = {{3, 3, 3, 3}, {2, 4, 3}, {4, 2}, {3, 5, 4, 2, 3}};
    List<Arguments> cases = new ArrayList<>();
    long seed = 11;
    for (String activation : ExplainSpec.ACTIVATIONS) {
      for (String loss : ExplainSpec.LOSSES) {
        for (int[] shape : shapes) {
          cases.add(Arguments.of(activation, loss, shape, seed++));
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} {1} {2} seed {3}")
  @MethodSource("cases")
  void everyGradientMatchesFiniteDifferencesAndAutograd(String activation, String loss, int[] shape, long seed) {
    Explanation e = Explain.run(spec(activation, loss, shape, seed));
    for (CheckedGradient g : DefaultExplanationTest.allGradients(e)) {
      assertThat(g.analytic().values()).containsExactly(g.numeric().values(), within(1e-6));
    }
    assertThat(e.maxAutogradDifference()).isLessThanOrEqualTo(1e-12);
  }

  @ParameterizedTest(name = "{0} {1} {2} seed {3}")
  @MethodSource("cases")
  void hiddenErrorIsTheHandedDownGradientTimesTheActivationsDerivative(
      String activation, String loss, int[] shape, long seed) {
    Explanation e = Explain.run(spec(activation, loss, shape, seed));
    DoubleUnaryOperator derivative = switch (activation) {
      case "sigmoid" -> z -> Reference.sigmoid(z) * (1 - Reference.sigmoid(z));
      case "tanh" -> z -> 1 - Math.tanh(z) * Math.tanh(z);
      case "relu" -> z -> z > 0 ? 1 : 0;
      case "leaky-relu" -> z -> z > 0 ? 1 : 0.01;
      default -> throw new AssertionError(activation);
    };
    for (int l = 1; l < e.layers().size(); l++) {
      double[] z = e.layer(l).z().values();
      double[] dh = e.layer(l + 1).gradients().dhPrevious().analytic().values();
      double[] dz = e.layer(l).gradients().dz().analytic().values();
      for (int i = 0; i < z.length; i++) {
        assertThat(dz[i]).isCloseTo(dh[i] * derivative.applyAsDouble(z[i]), within(1e-15));
      }
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} seed {3}")
  @MethodSource("cases")
  void aSmallStepLowersTheLossByAboutTheFirstOrderPrediction(String activation, String loss, int[] shape, long seed) {
    Explanation e = Explain.run(spec(activation, loss, shape, seed).withLearningRate(0.01));
    double decrease = e.loss() - e.lossAfterStep();
    assertThat(decrease).isPositive();
    assertThat(decrease).isCloseTo(e.predictedDecrease(), within(0.1 * e.predictedDecrease()));
  }

  private static ExplainSpec spec(String activation, String loss, int[] shape, long seed) {
    return new ExplainSpec(Arrays.stream(shape).boxed().toList(), activation, loss, seed, 0.1);
  }
}
