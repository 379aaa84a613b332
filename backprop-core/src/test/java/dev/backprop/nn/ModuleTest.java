package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModuleTest {
  private static Sequential net() {
    return Sequential.mlp(3, 4, 2).activation(Activation.TANH).batchNorm(true).build(5);
  }

  @Test
  void namedParametersAndBuffersUsePyTorchDottedPathsInForwardOrder() {
    Sequential net = net();
    assertThat(net.namedParameters().keySet())
        .containsExactly("0.weight", "0.bias", "1.weight", "1.bias", "3.weight", "3.bias");
    assertThat(net.namedBuffers().keySet()).containsExactly("1.running_mean", "1.running_var");
    assertThat(net.parameters()).hasSize(6).allMatch(Tensor::isGradRequired);
    assertThat(net.namedBuffers().values()).noneMatch(Tensor::isGradRequired);
    assertThat(net.parameterCount()).isEqualTo(3 * 4 + 4 + 4 + 4 + 4 * 2 + 2);
  }

  @Test
  void parametersAreTheLiveTensorsThatBackwardFillsAndZeroGradClears() {
    Sequential net = net();
    net.forward(Tensor.randn(new SplittableRandom(1), 5, 3)).sum().backward();
    assertThat(net.parameters()).allMatch(p -> p.grad() != null);
    assertThat(net.parameters().get(0)).isSameAs(((Dense) net.get(0)).weight());
    net.zeroGrad();
    for (Tensor p : net.parameters()) {
      assertThat(p.grad().toDoubleArray()).containsOnly(0.0);
    }
  }

  @Test
  void trainAndEvalSwitchEveryNestedLayer() {
    Sequential inner = new Sequential(new Dropout(0.5, 1), new ReLU());
    Sequential net = new Sequential(new Dense(2, 2, new SplittableRandom(0)), inner);
    assertThat(net.isTraining()).isTrue();
    net.eval();
    assertThat(net.isTraining()).isFalse();
    assertThat(inner.get(0).isTraining()).isFalse();
    assertThat(net.train()).isSameAs(net);
    assertThat(inner.get(1).isTraining()).isTrue();
  }

  @Test
  void toFloat64GivesAnIndependentCopyWithExactlyTheSameValuesAndMode() {
    Sequential net = net();
    net.forward(Tensor.randn(new SplittableRandom(2), 4, 3));
    net.eval();
    Sequential wide = net.toFloat64();
    assertThat(wide.isTraining()).isFalse();
    assertThat(wide.namedParameters().keySet()).isEqualTo(net.namedParameters().keySet());
    net.state().forEach((name, t) -> {
      Tensor w = name.contains("running") ? wide.namedBuffers().get(name) : wide.namedParameters().get(name);
      assertThat(w.dtype()).isEqualTo(DType.FLOAT64);
      assertThat(w.toDoubleArray()).containsExactly(t.toDoubleArray());
    });
    assertThat(wide.parameters()).allMatch(Tensor::isGradRequired);
    TensorData.doubles(wide.parameters().get(0))[0] += 1;
    assertThat(net.parameters().get(0).toDoubleArray()[0])
        .isNotEqualTo(wide.parameters().get(0).toDoubleArray()[0]);
    Sequential back = wide.toFloat32();
    back.state().forEach((name, t) -> assertThat(t.dtype()).isEqualTo(DType.FLOAT32));
    assertThat(back.namedBuffers().get("1.running_var").toFloatArray())
        .containsExactly(net.namedBuffers().get("1.running_var").toFloatArray());
  }

  @Test
  void loadStateCopiesValuesInPlaceSoParameterIdentitiesSurvive() {
    Sequential a = net();
    Sequential b = Sequential.mlp(3, 4, 2).activation(Activation.TANH).batchNorm(true).build(99);
    Tensor weight = b.parameters().get(0);
    b.loadState(a.state());
    assertThat(b.parameters().get(0)).isSameAs(weight);
    assertThat(weight.toFloatArray()).containsExactly(a.parameters().get(0).toFloatArray());
    Tensor x = Tensor.randn(new SplittableRandom(3), 4, 3);
    assertThat(b.eval().forward(x).toFloatArray()).containsExactly(a.eval().forward(x).toFloatArray());
  }

  @Test
  void stateIsADeepCopyThatLaterTrainingDoesNotChange() {
    Sequential net = net();
    Map<String, Tensor> saved = net.state();
    float before = saved.get("1.running_mean").toFloatArray()[0];
    net.forward(Tensor.randn(new SplittableRandom(4), 8, 3).add(3));
    assertThat(net.namedBuffers().get("1.running_mean").toFloatArray()[0]).isNotEqualTo(before);
    assertThat(saved.get("1.running_mean").toFloatArray()[0]).isEqualTo(before);
  }

  @Test
  void loadStateRejectsMissingUnexpectedAndMismatchedTensorsAndChangesNothing() {
    Sequential net = net();
    float[] before = net.parameters().get(0).toFloatArray();
    Map<String, Tensor> missing = new LinkedHashMap<>(net.state());
    missing.put("0.weight", Tensor.ones(4, 3));
    missing.remove("3.bias");
    assertThatThrownBy(() -> net.loadState(missing)).hasMessageContaining("missing tensor '3.bias'");
    Map<String, Tensor> extra = new HashMap<>(net.state());
    extra.put("3.gamma", Tensor.ones(2));
    assertThatThrownBy(() -> net.loadState(extra)).hasMessageContaining("unexpected tensor '3.gamma'");
    Map<String, Tensor> shape = new HashMap<>(net.state());
    shape.put("0.weight", Tensor.ones(3, 4));
    assertThatThrownBy(() -> net.loadState(shape)).hasMessageContaining("'0.weight' is float32[3, 4], expected float32[4, 3]");
    Map<String, Tensor> dtype = new HashMap<>(net.state());
    dtype.put("0.bias", Tensor.ones(DType.FLOAT64, 4));
    assertThatThrownBy(() -> net.loadState(dtype)).hasMessageContaining("'0.bias' is float64[4]");
    assertThat(net.parameters().get(0).toFloatArray()).containsExactly(before);
  }

  @Test
  void forwardErrorsNameTheLayerAndWhatWasExpected() {
    Sequential net = Sequential.mlp(4, 5, 3).build(1);
    assertThatThrownBy(() -> net.forward(Tensor.zeros(2, 5)))
        .hasMessage("layer 0: Dense(in=4, out=5, bias=true): expected input [batch, 4], got [2, 5]");
    assertThatThrownBy(() -> net.forward(Tensor.zeros(DType.FLOAT64, 2, 4)))
        .hasMessageContaining("input is float64 but the parameters are float32");
    assertThatThrownBy(() -> net.forward(Tensor.zeros(4)))
        .hasMessageContaining("expected input [batch, 4], got [4]");
  }

  @Test
  void sequentialRejectsNoLayersAndTheSameInstanceTwice() {
    ReLU relu = new ReLU();
    assertThatThrownBy(() -> new Sequential(relu, relu)).hasMessageContaining("appears twice");
    assertThatThrownBy(Sequential::new).hasMessageContaining("at least one layer");
  }

  @Test
  void denseComputesXTimesWTransposedPlusB() {
    Dense dense = new Dense(2, 3, new SplittableRandom(0));
    Map<String, Tensor> state = Map.of(
        "weight", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2),
        "bias", Tensor.of(new float[] {0.5f, -1, 0}, 3));
    dense.loadState(state);
    Tensor z = dense.forward(Tensor.of(new float[] {1, -1, 2, 0.5f}, 2, 2));
    assertThat(z.shape()).containsExactly(2, 3);
    assertThat(z.toFloatArray()).containsExactly(-0.5f, -2f, -1f, 3.5f, 7f, 13f);
  }

  @Test
  void activationLayersComputeTheirFunctionsAtKnownPoints() {
    Tensor x = Tensor.of(new double[] {-2, 0, 1.5}, 1, 3);
    assertThat(new Sigmoid().forward(x).toDoubleArray())
        .containsExactly(1 / (1 + Math.exp(2)), 0.5, 1 / (1 + Math.exp(-1.5)));
    assertThat(new Tanh().forward(x).toDoubleArray()).containsExactly(Math.tanh(-2), 0, Math.tanh(1.5));
    assertThat(new ReLU().forward(x).toDoubleArray()).usingComparatorWithPrecision(0.0).containsExactly(0, 0, 1.5);
    assertThat(new LeakyReLU(0.1).forward(x).toDoubleArray()).containsExactly(-0.2, 0, 1.5);
    assertThat(new ELU(0.5).forward(x).toDoubleArray()).containsExactly(0.5 * Math.expm1(-2), 0, 1.5);
    assertThat(new SELU().forward(x).toDoubleArray()).usingComparatorWithPrecision(1e-15)
        .containsExactly(SELU.SCALE * SELU.ALPHA * Math.expm1(-2), 0, SELU.SCALE * 1.5);
    double g = 0.5 * 1.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (1.5 + 0.044715 * 1.5 * 1.5 * 1.5)));
    assertThat(new GELU().forward(x).toDoubleArray()[2]).isCloseTo(g, org.assertj.core.data.Offset.offset(1e-15));
    double sum = Math.exp(-2) + 1 + Math.exp(1.5);
    assertThat(new Softmax().forward(x).toDoubleArray()).usingComparatorWithPrecision(1e-15)
        .containsExactly(Math.exp(-2) / sum, 1 / sum, Math.exp(1.5) / sum);
    assertThat(new Identity().forward(x)).isSameAs(x);
  }

  @Test
  void evalForwardFromManyThreadsGivesTheSequentialBitsAndChangesNoState() throws Exception {
    Sequential net = Sequential.mlp(6, 16, 16, 3).batchNorm(true).dropout(0.3).build(11);
    net.forward(Tensor.randn(new SplittableRandom(1), 32, 6));
    net.eval();
    Map<String, Tensor> stateBefore = net.state();
    Map<String, Long> generatorsBefore = net.generatorStates();
    Tensor[] inputs = new Tensor[64];
    float[][] expected = new float[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = Tensor.randn(new SplittableRandom(100 + i), 1 + i % 7, 6);
      expected[i] = net.forward(inputs[i]).toFloatArray();
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          boolean same = true;
          for (int k = 0; k < 200; k++) {
            int i = (offset * 31 + k) % inputs.length;
            try (var ignored = Tensor.noGrad()) {
              same &= java.util.Arrays.equals(net.forward(inputs[i]).toFloatArray(), expected[i]);
            }
          }
          return same;
        }));
      }
      for (var r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(net.generatorStates()).isEqualTo(generatorsBefore);
    stateBefore.forEach((name, t) -> assertThat(net.state().get(name).toFloatArray()).containsExactly(t.toFloatArray()));
  }
}
