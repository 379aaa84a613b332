package dev.backprop.nn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.backprop.kernels.ActivationKernel;
import dev.backprop.nn.BatchNorm;
import dev.backprop.nn.BinaryCrossEntropy;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Dense;
import dev.backprop.nn.Dropout;
import dev.backprop.nn.HalfSumSquaredError;
import dev.backprop.nn.Huber;
import dev.backprop.nn.Identity;
import dev.backprop.nn.Loss;
import dev.backprop.nn.MeanAbsoluteError;
import dev.backprop.nn.MeanSquaredError;
import dev.backprop.nn.Module;
import dev.backprop.nn.ReLU;
import dev.backprop.nn.SELU;
import dev.backprop.nn.Sequential;
import dev.backprop.nn.Sigmoid;
import dev.backprop.nn.Softmax;
import dev.backprop.nn.Tanh;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FusedMlpTest {
  private final SplittableRandom rng = new SplittableRandom(5);

  private Sequential mlp(int... sizes) {
    List<Module> layers = new ArrayList<>();
    for (int i = 0; i + 1 < sizes.length; i++) {
      layers.add(RandomMlps.dense(rng, sizes[i], sizes[i + 1], true));
      if (i + 2 < sizes.length) {
        layers.add(new Tanh());
      }
    }
    return new Sequential(layers);
  }

  @Test
  void chainsOfDenseLayersAndActivationsCompileNestedOrNot() {
    Sequential nested = new Sequential(new Sequential(new Dense(3, 4, rng), new ReLU()),
        new Dropout(0.5, 1), new Identity(), new Dense(4, 2, rng), new Sigmoid());
    FusedMlp mlp = FusedMlp.compile(nested).orElseThrow();
    assertThat(mlp.inputs()).isEqualTo(3);
    assertThat(mlp.outputs()).isEqualTo(2);
    assertThat(FusedMlp.compile(new Dense(5, 1, rng))).isPresent();
  }

  @Test
  void networksWithOtherLayersOrInFloat64AreLeftToAutograd() {
    assertThat(FusedMlp.compile(new Sequential(new Dense(3, 4, rng), new BatchNorm(4)))).isEmpty();
    assertThat(FusedMlp.compile(new Sequential(new Dense(3, 4, rng), new Softmax()))).isEmpty();
    assertThat(FusedMlp.compile(new Sequential(new ReLU(), new Dense(3, 4, rng)))).isEmpty();
    assertThat(FusedMlp.compile(new Sequential(new Dense(3, 4, rng), new ReLU(), new Tanh()))).isEmpty();
    assertThat(FusedMlp.compile(new Sequential(new Dense(3, 4, rng), new ReLU()).toFloat64())).isEmpty();
  }

  @Test
  void onlyLossesWithAFusedFormAndNetworksWithoutActiveDropoutTrainFused() {
    FusedMlp mlp = FusedMlp.compile(mlp(3, 4, 2)).orElseThrow();
    assertThat(mlp.training(new CategoricalCrossEntropy())).isPresent();
    assertThat(mlp.training(new MeanSquaredError())).isPresent();
    assertThat(mlp.training(new HalfSumSquaredError())).isPresent();
    assertThat(mlp.training(new BinaryCrossEntropy())).isPresent();
    assertThat(mlp.training(new MeanAbsoluteError())).isEmpty();
    assertThat(mlp.training(new Huber(1))).isEmpty();
    assertThat(mlp.training(new CategoricalCrossEntropy().withLabelSmoothing(0.1))).isEmpty();
    assertThat(mlp.training(new CategoricalCrossEntropy().withClassWeights(1, 2))).isEmpty();

  }

  @Test
  void dropoutTrainsFusedRightAfterALayerOrItsActivationOnly() {
    Module[] fused = {
        new Sequential(new Dense(3, 4, rng), new ReLU(), new Dropout(0.2, 1), new Dense(4, 2, rng)),
        new Sequential(new Dense(3, 4, rng), new Dropout(0.2, 1), new Dense(4, 2, rng), new Dropout(0.5, 2)),
        new Sequential(new Dropout(0, 1), new Dense(3, 4, rng), new Dropout(0, 1), new Tanh(), new Dense(4, 2, rng))};
    Module[] autograd = {
        new Sequential(new Dropout(0.2, 1), new Dense(3, 4, rng), new Dense(4, 2, rng)),
        new Sequential(new Dense(3, 4, rng), new Dropout(0.2, 1), new ReLU(), new Dense(4, 2, rng)),
        new Sequential(new Dense(3, 4, rng), new ReLU(), new Dropout(0.2, 1), new Dropout(0.2, 2), new Dense(4, 2, rng))};
    for (Module m : fused) {
      assertThat(FusedMlp.compile(m).orElseThrow().training(new MeanSquaredError())).as("%s", m).isPresent();
    }
    for (Module m : autograd) {
      assertThat(FusedMlp.compile(m).orElseThrow().training(new MeanSquaredError())).as("%s", m).isEmpty();
    }
  }

  @Test
  void aTrainingModeDropoutDropsTheElementsAutogradDropsAndAnEvaluationModeOneNothing() {
    Sequential net = new Sequential(RandomMlps.dense(rng, 5, 40, true), new ReLU(), new Dropout(0.5, 11),
        RandomMlps.dense(rng, 40, 3, true));
    Module copy = net.toFloat32();
    FusedTraining mse = FusedMlp.compile(net).orElseThrow().training(new MeanSquaredError()).orElseThrow();
    float[] x = RandomMlps.floats(rng, 8 * 5, -1, 1);
    float[] t = RandomMlps.floats(rng, 8 * 3, -1, 1);
    for (int step = 0; step < 3; step++) {
      double fused = mse.step(x, 0, 8, t, 0);
      Tensor value = new MeanSquaredError().compute(copy.forward(Tensor.of(x, 8, 5)), Tensor.of(t, 8, 3));
      value.backward();
      assertThat(fused).isCloseTo(value.item(), offset(1e-6));
    }
    assertThat(net.generatorStates()).isEqualTo(Map.of("2.generator", 3L)).isEqualTo(copy.generatorStates());
    FusedTrainingTest.assertClose(net.parameters().get(0).grad().toFloatArray(),
        copy.parameters().get(0).grad().toFloatArray(), "0.weight.grad");
    // In evaluation mode the dropout is the identity and draws no mask.
    net.eval();
    mse.step(x, 0, 8, t, 0);
    assertThat(net.generatorStates()).containsEntry("2.generator", 3L);
  }

  @Test
  void forwardMatchesTheModuleWithDropoutInEvaluationModeAndMoreRowsThanOneChunk() {
    Sequential net = new Sequential(new Dense(6, 9, rng), new ReLU(), new Dropout(0.5, 3), new Dense(9, 4, rng));
    int rows = 2 * FusedMlp.CHUNK + 37;
    float[] x = RandomMlps.floats(rng, rows * 6, -1, 1);
    float[] out = new float[rows * 4];
    FusedMlp.compile(net).orElseThrow().forward(x, 0, rows, out, 0);
    FusedTrainingTest.assertClose(out, net.eval().forward(Tensor.of(x, rows, 6)).toFloatArray(), "outputs");
  }

  @Test
  void thePlanSeesWeightsChangedAfterCompiling() {
    Dense dense = new Dense(2, 1, rng);
    FusedMlp mlp = FusedMlp.compile(dense).orElseThrow();
    float[] w = TensorData.floats(dense.weight());
    w[0] = 2;
    w[1] = -3;
    TensorData.floats(dense.bias())[0] = 0.5f;
    float[] out = new float[1];
    mlp.forward(new float[] {1, 1}, 0, 1, out, 0);
    assertThat(out[0]).isEqualTo(2 - 3 + 0.5f);
  }

  @Test
  void concurrentForwardCallsGiveTheSequentialBits() throws Exception {
    Sequential net = mlp(20, 64, 32, 5);
    FusedMlp mlp = FusedMlp.compile(net).orElseThrow();
    int rows = 40;
    float[][] inputs = new float[16][];
    float[][] expected = new float[16][];
    for (int t = 0; t < inputs.length; t++) {
      inputs[t] = RandomMlps.floats(rng, rows * 20, -1, 1);
      expected[t] = new float[rows * 5];
      mlp.forward(inputs[t], 0, rows, expected[t], 0);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int rep = 0; rep < 20; rep++) {
        for (float[] in : inputs) {
          results.add(pool.submit(() -> {
            float[] out = new float[rows * 5];
            mlp.forward(in, 0, rows, out, 0);
            return out;
          }));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).containsExactly(expected[i % inputs.length]);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void argumentsThatDoNotFitAreRefusedWithTheSizesInvolved() {
    FusedMlp mlp = FusedMlp.compile(mlp(3, 4, 2)).orElseThrow();
    assertThatThrownBy(() -> mlp.forward(new float[5], 0, 2, new float[4], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("forward: x: [2, 3] from index 0 needs length >= 6, got 5");
    assertThatThrownBy(() -> mlp.forward(new float[6], 0, 2, new float[4], 1))
        .hasMessage("forward: out: [2, 2] from index 1 needs length >= 5, got 4");
    assertThatThrownBy(() -> mlp.forward(new float[6], 0, -1, new float[4], 0))
        .hasMessage("forward: rows must be >= 0 but was -1");

    FusedTraining ce = mlp.training(new CategoricalCrossEntropy()).orElseThrow();
    assertThatThrownBy(() -> ce.step(new float[6], 0, 2, new int[] {0, 2}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cross-entropy: label 2 at row 1 is outside [0, 2)");
    assertThatThrownBy(() -> ce.step(new float[6], 0, 2, new int[] {0}, 0))
        .hasMessage("step: labels: [2, 1] from index 0 needs length >= 2, got 1");
    assertThatThrownBy(() -> ce.step(new float[6], 0, 2, new float[4], 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("step: cross-entropy takes class indices, not target values");
    assertThatThrownBy(() -> ce.step(new float[6], 0, 0, new int[0], 0))
        .hasMessage("step: rows must be >= 1 but was 0");

    FusedTraining mse = mlp.training(new MeanSquaredError()).orElseThrow();
    assertThatThrownBy(() -> mse.step(new float[6], 0, 2, new int[] {0, 1}, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("step: mse takes target values, not class indices");
    assertThatThrownBy(() -> mse.step(new float[6], 0, 2, new float[3], 0))
        .hasMessage("step: targets: [2, 2] from index 0 needs length >= 4, got 3");
  }

  @Test
  void anInvalidLabelLeavesTheGradientsUntouched() {
    Sequential net = mlp(3, 2);
    FusedTraining ce = FusedMlp.compile(net).orElseThrow().training(new CategoricalCrossEntropy()).orElseThrow();
    ce.step(new float[] {1, 2, 3}, 0, 1, new int[] {1}, 0);
    float[] before = net.parameters().get(0).grad().toFloatArray();
    assertThatThrownBy(() -> ce.step(new float[] {1, 2, 3}, 0, 1, new int[] {5}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(net.parameters().get(0).grad().toFloatArray()).containsExactly(before);
  }

  @Test
  void fusedLossesAreNamedAsTheirLosses() {
    RandomMlps.LOSSES.forEach(make -> {
      Loss loss = make.get();
      assertThat(FusedLoss.of(loss)).hasToString(loss.name());
    });
  }

  @Test
  void seluConstantsAreTheLayers() {
    assertThat(ActivationKernel.SELU_ALPHA).isEqualTo(SELU.ALPHA);
    assertThat(ActivationKernel.SELU_SCALE).isEqualTo(SELU.SCALE);
  }

  @Test
  void outputsAreCopiedForTheRowsOfTheLastStep() {
    Sequential net = mlp(3, 4, 2);
    FusedTraining mse = FusedMlp.compile(net).orElseThrow().training(new MeanSquaredError()).orElseThrow();
    float[] x = RandomMlps.floats(rng, 9, -1, 1);
    mse.step(x, 0, 3, new float[6], 0);
    mse.step(x, 3, 2, new float[4], 0);
    float[] out = new float[5];
    assertThatThrownBy(() -> mse.copyOutputs(out, 2)).isInstanceOf(IllegalArgumentException.class);
    mse.copyOutputs(out, 1);
    FusedTrainingTest.assertClose(Arrays.copyOfRange(out, 1, 5),
        net.forward(RandomMlps.rows(x, 1, 2, 3)).toFloatArray(), "outputs");
  }
}
