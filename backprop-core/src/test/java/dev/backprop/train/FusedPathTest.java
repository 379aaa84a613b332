package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.nn.Activation;
import dev.backprop.nn.BatchNorm;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Dense;
import dev.backprop.nn.Loss;
import dev.backprop.nn.MeanAbsoluteError;
import dev.backprop.nn.MeanSquaredError;
import dev.backprop.nn.Module;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.Adam;
import dev.backprop.optim.Optimizer;
import dev.backprop.optim.SGD;
import dev.backprop.tensor.NoGrad;
import dev.backprop.tensor.Tensor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The trainer and predictor take the fused path for plain MLPs, with autograd's results. */
class FusedPathTest {
  private static final int EPOCHS = 3;
  private static final int BATCH = 24;

  @Test
  void plainMlpsWithAFusedLossTrainFusedAndEverythingElseThroughAutograd() {
    Sequential mlp = Sequential.mlp(4, 8, 3).activation(Activation.TANH).build(1);
    assertThat(BatchStep.of(mlp, new CategoricalCrossEntropy())).isInstanceOf(FusedStep.class);
    assertThat(BatchStep.of(mlp, new MeanSquaredError())).isInstanceOf(FusedStep.class);
    assertThat(BatchStep.of(mlp, new MeanAbsoluteError())).isInstanceOf(AutogradStep.class);
    Sequential withBatchNorm = Sequential.mlp(4, 8, 3).batchNorm(true).build(1);
    assertThat(BatchStep.of(withBatchNorm, new CategoricalCrossEntropy())).isInstanceOf(AutogradStep.class);
    Sequential withDropout = Sequential.mlp(4, 8, 3).dropout(0.2).build(1);
    assertThat(BatchStep.of(withDropout, new CategoricalCrossEntropy())).isInstanceOf(FusedStep.class);
  }

  @Test
  void fusedTrainingOfAClassifierEndsWithAutogradsWeights() {
    Examples data = GeneratedSets.spirals(100, 0.05, 3);
    Sequential net = Sequential.mlp(2, 32, 16, 2).activation(Activation.RELU).build(7);
    assertSameTraining(net, new CategoricalCrossEntropy(), data);
  }

  @Test
  void fusedTrainingWithDropoutEndsWithAutogradsWeightsAndGenerators() {
    Examples data = GeneratedSets.spirals(100, 0.05, 5);
    Sequential net = Sequential.mlp(2, 32, 16, 2).activation(Activation.ELU).dropout(0.3).build(9);
    assertSameTraining(net, new CategoricalCrossEntropy(), data);
  }

  @Test
  void fusedTrainingOfARegressionEndsWithAutogradsWeights() {
    Examples data = GeneratedSets.sine(150, 4);
    Sequential net = Sequential.mlp(1, 16, 16, 1).activation(Activation.SIGMOID).build(8);
    assertSameTraining(net, new MeanSquaredError(), data);
  }

  /**
   * Trains {@code net} with the trainer (fused) and a copy with the trainer's own loop over the
   * autograd step, same seeds and optimizer, and compares every weight.
   */
  private static void assertSameTraining(Sequential net, Loss loss, Examples data) {
    Module copy = net.toFloat32();
    TrainingConfig config = TrainingConfig.of(EPOCHS, BATCH, 5).withOptimizer(new Adam.Spec(0.01));
    Trainer trainer = new Trainer(net, loss, config);
    History history = trainer.fit(data);

    Optimizer optimizer = config.optimizer().create(copy.namedParameters());
    AutogradStep autograd = new AutogradStep(copy, loss, Networks.dtypeOf(copy));
    int outputs = Networks.outputWidth(copy, data.featureCount());
    double lastLoss = 0;
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      int[] order = EpochOrder.of(data.size(), config.seed(), epoch, config.shuffle());
      for (int from = 0; from < data.size(); from += BATCH) {
        int[] rows = Arrays.copyOfRange(order, from, Math.min(data.size(), from + BATCH));
        BatchTargets targets = BatchTargets.of(data, rows, Networks.dtypeOf(copy), loss.outputActivation(), outputs);
        optimizer.zeroGrad();
        lastLoss = autograd.run(data, rows, targets).loss();
        optimizer.step();
      }
    }
    assertThat(net.generatorStates()).isEqualTo(copy.generatorStates());
    Map<String, Tensor> expected = copy.namedParameters();
    net.namedParameters().forEach((name, t) -> {
      float[] want = expected.get(name).toFloatArray();
      float[] got = t.toFloatArray();
      double scale = 0;
      for (float w : want) {
        scale = Math.max(scale, Math.abs(w));
      }
      for (int i = 0; i < want.length; i++) {
        assertThat((double) got[i]).as("%s[%d]", name, i).isCloseTo(want[i], within(1e-4 * scale));
      }
    });
    assertThat(history.last().metric("loss")).isFinite();
    assertThat(lastLoss).isFinite();
  }

  @Test
  void trainOnBatchTakesTheStepsAHandWrittenAutogradLoopTakes() {
    for (Loss loss : new Loss[] {new MeanSquaredError(), new MeanAbsoluteError()}) {
      Sequential net = Sequential.mlp(3, 10, 2).activation(Activation.SIGMOID).build(3);
      Module copy = net.toFloat32();
      Trainer trainer = new Trainer(net, loss, TrainingConfig.of(1, 4, 1).withOptimizer(new Adam.Spec(0.05)));
      Optimizer optimizer = new Adam(copy.namedParameters(), new Adam.Spec(0.05));
      SplittableRandom rng = new SplittableRandom(4);
      for (int step = 0; step < 20; step++) {
        Tensor x = Tensor.randn(rng, 4, 3);
        Tensor y = Tensor.randn(rng, 4, 2);
        double value = trainer.trainOnBatch(x, y);
        optimizer.zeroGrad();
        Tensor expected = loss.compute(copy.forward(x), y);
        expected.backward();
        optimizer.step();
        assertThat(value).as("%s, step %d", loss.name(), step).isCloseTo(expected.item(), within(1e-5));
      }
      Map<String, Tensor> want = copy.namedParameters();
      net.namedParameters().forEach((name, t) ->
          assertThat(t.toFloatArray()).as(name).containsExactly(want.get(name).toFloatArray(), within(1e-5f)));
    }
  }

  @Test
  void trainOnBatchRefusesFeaturesTheNetworkDoesNotTake() {
    Trainer trainer = new Trainer(Sequential.mlp(3, 4, 2).build(1), new CategoricalCrossEntropy(), TrainingConfig.of(1, 4, 1));
    assertThatThrownBy(() -> trainer.trainOnBatch(Tensor.zeros(2, 5), Tensor.zeros(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected float32 features [rows, 3], got float32[2, 5]");
    assertThatThrownBy(() -> trainer.trainOnBatch(Tensor.zeros(2, 3), Tensor.of(new float[] {0, 2.5f}, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cross-entropy: target 2.5 at row 1 is not a class index");
  }

  @Test
  void trainOnBatchOfAPlainMlpAllocatesNothingInTheSteadyState() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    Sequential tiny = Sequential.mlp(2, 8, 8, 1).activation(Activation.SIGMOID).outputActivation(Activation.SIGMOID).build(1);
    Trainer trainer = new Trainer(tiny, new MeanSquaredError(), TrainingConfig.of(1, 4, 1).withOptimizer(new SGD.Spec(0.1)));
    SplittableRandom rng = new SplittableRandom(2);
    Tensor[] x = new Tensor[16];
    Tensor[] y = new Tensor[16];
    for (int i = 0; i < x.length; i++) {
      x[i] = Tensor.rand(rng, 4, 2);
      y[i] = Tensor.rand(rng, 4, 1);
    }
    int steps = 10_000;
    for (int s = 0; s < steps; s++) {
      trainer.trainOnBatch(x[s % 16], y[s % 16]);
    }
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    for (int s = 0; s < steps; s++) {
      trainer.trainOnBatch(x[s % 16], y[s % 16]);
    }
    long bytes = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    assertThat((double) bytes / steps).as("bytes per step").isLessThan(64);
  }

  @Test
  void predictionsOfAPlainMlpEqualTheModulesInEvaluationMode() {
    Sequential net = Sequential.mlp(6, 20, 4).activation(Activation.GELU).build(2);
    Predictor predictor = Predictor.of(net, new CategoricalCrossEntropy());
    Tensor x = Tensor.randn(new SplittableRandom(3), 1500, 6);
    Tensor expected;
    try (NoGrad ignored = Tensor.noGrad()) {
      expected = Activation.SOFTMAX.layer().forward(net.eval().forward(x));
    }
    float[] got = predictor.predict(x).toFloatArray();
    float[] want = expected.toFloatArray();
    for (int i = 0; i < want.length; i++) {
      assertThat(got[i]).as("probability %d", i).isCloseTo(want[i], within(1e-6f));
    }
  }

  @Test
  void inputsOfTheWrongWidthAreRefusedNamingTheLayer() {
    Predictor predictor = Predictor.of(new Sequential(new Dense(3, 2, new SplittableRandom(1))), new MeanSquaredError());
    assertThatThrownBy(() -> predictor.predict(Tensor.zeros(2, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layer 0").hasMessageContaining("[batch, 3]");
  }

  @Test
  void evaluationOfAPlainMlpMatchesTheModulePath() {
    Examples data = GeneratedSets.spirals(50, 0.05, 9);
    Sequential net = Sequential.mlp(2, 16, 2).build(4);
    Sequential withBatchNorm = new Sequential(net.get(0), net.get(1), new BatchNorm(16), net.get(2));
    withBatchNorm.eval();
    Evaluation fused = Evaluator.evaluate(net, new CategoricalCrossEntropy(), data, 0);
    // Batch normalization at its initial running statistics is the identity (up to its ε).
    Evaluation autograd = Evaluator.evaluate(withBatchNorm, new CategoricalCrossEntropy(), data, 0);
    assertThat(fused.metrics().get("accuracy")).isEqualTo(autograd.metrics().get("accuracy"));
    assertThat(fused.metrics().get("loss")).isCloseTo(autograd.metrics().get("loss"), within(1e-4));
  }
}
