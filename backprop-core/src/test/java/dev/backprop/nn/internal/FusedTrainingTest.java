package dev.backprop.nn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.backprop.kernels.Parallel;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.nn.ReLU;
import dev.backprop.nn.Sequential;
import dev.backprop.nn.Tanh;
import dev.backprop.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused step computes the loss and gradients autograd computes, for random networks. */
class FusedTrainingTest {
  private static final double TOLERANCE = 1e-5;

  private final int threadsBefore = Parallel.threads();

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threadsBefore);
  }

  static LongStream seeds() {
    return LongStream.range(0, 48);
  }

  /** One random problem: a network, its loss, inputs and targets for up to 17 rows. */
  private record Problem(Sequential network, Loss loss, int inputs, int outputs, float[] x,
      int[] labels, float[] targets) {
    static Problem random(long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      int inputs = 1 + rng.nextInt(9);
      Loss loss = RandomMlps.LOSSES.get((int) (seed % RandomMlps.LOSSES.size())).get();
      int outputs = 1 + rng.nextInt(loss instanceof CategoricalCrossEntropy ? 6 : 4);
      Sequential net = RandomMlps.network(rng, inputs, outputs, true);
      float[] x = RandomMlps.floats(rng, 17 * inputs, -2, 2);
      int[] labels = RandomMlps.labels(rng, 17, outputs);
      float[] targets = RandomMlps.floats(rng, 17 * outputs, 0, 1);
      return new Problem(net, loss, inputs, outputs, x, labels, targets);
    }

    /** The fused loss of rows [from, from + rows), gradients added to the network's. */
    double fusedStep(FusedTraining step, int from, int rows) {
      return loss instanceof CategoricalCrossEntropy
          ? step.step(x, from * inputs, rows, labels, from)
          : step.step(x, from * inputs, rows, targets, from * outputs);
    }

    /** The autograd loss of the same rows, gradients added to {@code copy}'s. */
    double autogradStep(Module copy, int from, int rows) {
      Tensor out = copy.forward(RandomMlps.rows(x, from, rows, inputs));
      Tensor value = loss instanceof CategoricalCrossEntropy ce
          ? ce.compute(out, Arrays.copyOfRange(labels, from, from + rows))
          : loss.compute(out, RandomMlps.rows(targets, from, rows, outputs));
      value.backward();
      return value.item();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fusedLossAndGradientsMatchAutogradOverFullAndPartialBatches(long seed) {
    Problem p = Problem.random(seed);
    Module copy = p.network().toFloat32();
    FusedTraining step = FusedMlp.compile(p.network()).orElseThrow().training(p.loss()).orElseThrow();

    // A batch of 8, then a partial one of 3 from an offset, then a single row: buffers are reused
    // and gradients accumulate across the three, as autograd's do.
    int[][] batches = {{0, 8}, {8, 3}, {16, 1}};
    for (int[] b : batches) {
      double fused = p.fusedStep(step, b[0], b[1]);
      double reference = p.autogradStep(copy, b[0], b[1]);
      assertThat(fused).as("loss of rows %s", Arrays.toString(b))
          .isCloseTo(reference, offset(TOLERANCE * Math.max(1, Math.abs(reference))));
      assertSameGradients(p.network(), copy);
    }
    // Dropouts in training mode drew the masks autograd drew, and as many of them.
    assertThat(p.network().generatorStates()).isEqualTo(copy.generatorStates());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fusedForwardMatchesTheModuleInEvaluationMode(long seed) {
    Problem p = Problem.random(seed);
    FusedMlp mlp = FusedMlp.compile(p.network()).orElseThrow();
    Tensor expected = p.network().eval().forward(RandomMlps.rows(p.x(), 2, 13, p.inputs()));
    float[] out = new float[3 + 13 * p.outputs()];
    mlp.forward(p.x(), 2 * p.inputs(), 13, out, 3);
    assertClose(Arrays.copyOfRange(out, 3, out.length), expected.toFloatArray(), "outputs");
  }

  @Test
  void outputsOfTheLastStepAreTheNetworksRawOutputs() {
    Problem p = Problem.random(3);
    FusedTraining step = FusedMlp.compile(p.network()).orElseThrow().training(p.loss()).orElseThrow();
    p.fusedStep(step, 4, 5);
    float[] outputs = new float[5 * p.outputs()];
    step.copyOutputs(outputs, 0);
    Tensor expected = p.network().forward(RandomMlps.rows(p.x(), 4, 5, p.inputs()));
    assertClose(outputs, expected.toFloatArray(), "outputs");
  }

  @Test
  void gradientsAreBitIdenticalWithOneOrTwoThreads() {
    // Large enough that every GEMM of the step is split into parallel tiles.
    SplittableRandom rng = new SplittableRandom(11);
    Sequential net = new Sequential(RandomMlps.dense(rng, 300, 256, true), new ReLU(),
        RandomMlps.dense(rng, 256, 128, true), new Tanh(),
        RandomMlps.dense(rng, 128, 10, true));
    float[] x = RandomMlps.floats(rng, 96 * 300, -1, 1);
    int[] labels = RandomMlps.labels(rng, 96, 10);
    FusedTraining step = FusedMlp.compile(net).orElseThrow().training(new CategoricalCrossEntropy()).orElseThrow();

    Parallel.setThreads(1);
    double single = step.step(x, 0, 96, labels, 0);
    Map<String, float[]> singleGrads = grads(net);
    net.zeroGrad();
    Parallel.setThreads(2);
    double twoThreads = step.step(x, 0, 96, labels, 0);

    assertThat(twoThreads).isEqualTo(single);
    grads(net).forEach((name, g) -> assertThat(g).as(name).containsExactly(singleGrads.get(name)));
  }

  private static Map<String, float[]> grads(Module net) {
    Map<String, float[]> out = new LinkedHashMap<>();
    net.namedParameters().forEach((name, t) -> out.put(name, t.grad().toFloatArray()));
    return out;
  }

  private static void assertSameGradients(Module fused, Module reference) {
    Map<String, Tensor> expected = reference.namedParameters();
    fused.namedParameters().forEach((name, t) ->
        assertClose(t.grad().toFloatArray(), expected.get(name).grad().toFloatArray(), name + ".grad"));
  }

  /** Equal within TOLERANCE relative to the largest magnitude in the expected array. */
  static void assertClose(float[] actual, float[] expected, String what) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    double scale = 1e-3;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i]).as("%s[%d]", what, i)
          .isCloseTo(expected[i], offset(TOLERANCE * scale));
    }
  }
}
