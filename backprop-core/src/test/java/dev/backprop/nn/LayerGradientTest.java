package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.tensor.GradCheck;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table drives the float64 gradient check of every layer and of whole networks, with respect
 * to the input and every parameter: a new layer is one new row.
 */
class LayerGradientTest {
  /** A module to check, built from a seed, with the width of its input and its mode. */
  record LayerCase(String name, int inputs, boolean training, Function<SplittableRandom, Module> build) {
    @Override
    public String toString() {
      return name + (training ? " (train)" : " (eval)");
    }
  }

  private static final int SEEDS = 3;

  static List<LayerCase> cases() {
    List<LayerCase> t = new ArrayList<>();
    t.add(new LayerCase("Dense", 4, true, r -> new Dense(4, 3, r)));
    t.add(new LayerCase("Dense without bias", 4, true, r -> new DenseSpec(4, 3, false, Initializer.heNormal()).build(r)));
    t.add(new LayerCase("Sigmoid", 5, true, r -> new Sigmoid()));
    t.add(new LayerCase("Tanh", 5, true, r -> new Tanh()));
    t.add(new LayerCase("ReLU", 5, true, r -> new ReLU()));
    t.add(new LayerCase("LeakyReLU", 5, true, r -> new LeakyReLU(0.2)));
    t.add(new LayerCase("ELU", 5, true, r -> new ELU(0.7)));
    t.add(new LayerCase("SELU", 5, true, r -> new SELU()));
    t.add(new LayerCase("GELU", 5, true, r -> new GELU()));
    t.add(new LayerCase("Softmax", 5, true, r -> new Softmax()));
    t.add(new LayerCase("Identity", 5, true, r -> new Identity()));
    t.add(new LayerCase("Dropout", 5, true, r -> new Dropout(0.4, r.nextLong())));
    t.add(new LayerCase("Dropout", 5, false, r -> new Dropout(0.4, r.nextLong())));
    t.add(new LayerCase("BatchNorm", 4, true, r -> new BatchNorm(4)));
    t.add(new LayerCase("BatchNorm", 4, false, r -> new BatchNorm(4)));
    t.add(new LayerCase("BatchNorm without affine", 4, true,
        r -> new BatchNorm(new BatchNormSpec(4, 1e-5, 0.1, false))));
    for (Activation a : Activation.values()) {
      t.add(new LayerCase("Dense stack with " + a.label(), 4, true,
          r -> Sequential.mlp(4, 5, 6, 3).activation(a).outputActivation(a).build(r.nextLong())));
    }
    t.add(new LayerCase("MLP with batch norm", 3, true,
        r -> Sequential.mlp(3, 6, 2).activation(Activation.TANH).batchNorm(true).build(r.nextLong())));
    t.add(new LayerCase("MLP with batch norm", 3, false,
        r -> Sequential.mlp(3, 6, 2).activation(Activation.TANH).batchNorm(true).build(r.nextLong())));
    t.add(new LayerCase("Nested Sequential", 3, true, r -> new Sequential(
        new Sequential(new Dense(3, 4, r), new Tanh()), new Dense(4, 2, r))));
    return t;
  }

  /**
   * The module with every parameter and running statistic moved away from its initial value: zero
   * biases would put the rows that a ReLU zeroes entirely exactly on the next ReLU's kink.
   */
  static Module perturbed(Module m, SplittableRandom r) {
    Map<String, Tensor> own = new HashMap<>(m.namedParameters());
    own.putAll(m.namedBuffers());
    return m.withState(name -> {
      Tensor t = own.get(name);
      double[] v = t.toDoubleArray();
      for (int i = 0; i < v.length; i++) {
        v[i] = name.endsWith("running_var") ? v[i] * r.nextDouble(0.5, 1.5) : v[i] + r.nextDouble(-0.5, 0.5);
      }
      Tensor out = Tensor.of(v, t.shape());
      return t.isGradRequired() ? out.requiresGrad() : out;
    });
  }

  static Stream<Arguments> rows() {
    return cases().stream().flatMap(c -> Stream.iterate(0, i -> i + 1).limit(SEEDS).map(s -> Arguments.of(c, s)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("rows")
  void analyticGradientsMatchFiniteDifferencesForInputAndEveryParameter(LayerCase c, int seed) {
    SplittableRandom rng = new SplittableRandom(7919L * seed + c.name().hashCode());
    Module module = perturbed(c.build().apply(rng), rng);
    if (c.training()) {
      module.train();
    } else {
      module.eval();
    }
    Tensor x = Tensor.of(rng.doubles(6L * c.inputs(), -2, 2).toArray(), 6, c.inputs());
    GradCheck.Result result = ModuleGradCheck.check(module, x);
    assertThat(result.passed()).as(result.toString()).isTrue();
    assertThat(result.comparisons()).isGreaterThanOrEqualTo(x.numel() + (int) Math.min(module.parameterCount(), 1));
  }
}
