package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.nn.Activation;
import dev.backprop.nn.BinaryCrossEntropy;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import dev.backprop.tensor.NoGrad;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PredictorTest {
  private static Sequential network() {
    Sequential net = Sequential.mlp(20, 64, 64, 5).dropout(0.3).batchNorm(true).build(9);
    net.forward(Tensor.randn(new SplittableRandom(1), 32, 20));
    return net;
  }

  @Test
  void sixteenThreadsPredictingRandomBatchesGetTheBitsOfSequentialCalls() throws Exception {
    Predictor predictor = Predictor.of(network(), new CategoricalCrossEntropy());
    SplittableRandom rng = new SplittableRandom(2);
    List<Tensor> batches = new ArrayList<>();
    List<float[]> expected = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      Tensor x = Tensor.randn(rng, 1 + rng.nextInt(600), 20);
      batches.add(x);
      expected.add(predictor.predict(x).toFloatArray());
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        long seed = t;
        results.add(pool.submit(() -> {
          SplittableRandom pick = new SplittableRandom(seed);
          int mismatches = 0;
          for (int i = 0; i < 40; i++) {
            int b = pick.nextInt(batches.size());
            if (!java.util.Arrays.equals(predictor.predict(batches.get(b)).toFloatArray(), expected.get(b))) {
              mismatches++;
            }
          }
          return mismatches;
        }));
      }
      for (Future<Integer> r : results) {
        assertThat(r.get()).isZero();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void predictionsAreTheSoftmaxOfTheNetworkInEvaluationModeAndIgnoreLaterTraining() {
    Sequential net = network();
    Predictor predictor = Predictor.of(net, new CategoricalCrossEntropy());
    Tensor x = Tensor.randn(new SplittableRandom(3), 50, 20);
    net.eval();
    float[] expected;
    try (NoGrad ignored = Tensor.noGrad()) {
      expected = net.forward(x).softmax(-1).toFloatArray();
    }
    net.train();
    net.forward(Tensor.randn(new SplittableRandom(4), 32, 20));

    Tensor p = predictor.predict(x);
    assertThat(p.toFloatArray()).isEqualTo(expected);
    assertThat(p.isGradRequired()).isFalse();
    for (double s : p.sum(1).toDoubleArray()) {
      assertThat(s).isCloseTo(1, within(1e-6));
    }
    assertThat(predictor.predictClasses(x)).isEqualTo(p.argmaxRows());
    assertThat(net.isTraining()).isTrue();
  }

  @Test
  void aSingleSigmoidOutputIsClassOneFromProbabilityOneHalf() {
    Sequential net = Sequential.mlp(1, 1).build(1);
    net.loadState(java.util.Map.of("0.weight", Tensor.of(new float[] {1}, 1, 1), "0.bias", Tensor.of(new float[] {0}, 1)));
    Predictor predictor = Predictor.of(net, new BinaryCrossEntropy());
    Tensor x = Tensor.of(new float[] {-2, -0.0001f, 0, 3}, 4, 1);

    assertThat(predictor.outputActivation()).isEqualTo(Activation.SIGMOID);
    assertThat(predictor.predict(x).toDoubleArray()[3]).isCloseTo(1 / (1 + Math.exp(-3)), within(1e-7));
    assertThat(predictor.predictClasses(x)).containsExactly(0, 0, 1, 1);
  }

  @Test
  void float64InputsAreConvertedToTheNetworksDtype() {
    Predictor predictor = Predictor.of(network(), new CategoricalCrossEntropy());
    Tensor x = Tensor.randn(new SplittableRandom(6), 3, 20);
    assertThat(predictor.predict(x.toFloat64()).toFloatArray()).isEqualTo(predictor.predict(x).toFloatArray());
  }

  @Test
  void inputsOfTheWrongShapeAreRefused() {
    Predictor predictor = Predictor.of(network(), new CategoricalCrossEntropy());
    assertThatThrownBy(() -> predictor.predict(Tensor.zeros(20)))
        .hasMessage("predict: expected inputs [rows, features] with at least one row, got [20]");
    assertThatThrownBy(() -> predictor.predict(Tensor.zeros(2, 7)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected input [batch, 20]");
  }
}
