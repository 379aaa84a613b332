package dev.backprop.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import dev.backprop.tensor.internal.TensorData;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export and import of optimizer state: continuing from an imported state gives the same bits as
 * never stopping, and a state that does not fit is rejected whole, naming what is wrong.
 */
class OptimizerStateTest {
  private static final int STEPS = 12;
  private static final int STOP_AT = 5;

  static List<OptimizerSpec> variants() {
    return List.of(
        new SGD.Spec(0.05),
        new SGD.Spec(0.05).withMomentum(0.9).withDampening(0.1).withWeightDecay(0.01),
        new SGD.Spec(0.05).withMomentum(0.9).withNesterov(true),
        new Adam.Spec(0.01).withWeightDecay(0.01),
        new Adam.Spec(0.01).withAmsgrad(true),
        new AdamW.Spec(0.01),
        new RMSProp.Spec(0.01).withWeightDecay(0.01),
        new RMSProp.Spec(0.01).withMomentum(0.9).withCentered(true),
        new Adagrad.Spec(0.1).withLrDecay(0.01).withInitialAccumulatorValue(0.1));
  }

  /** A float32 weight, a float64 bias, and a float32 parameter that gets a gradient every other step. */
  private static Map<String, Tensor> model() {
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Tensor> params = new LinkedHashMap<>();
    params.put("dense.weight", Fixtures.param(DType.FLOAT32, random.doubles(6, -1, 1).toArray()));
    params.put("dense.bias", Fixtures.param(DType.FLOAT64, random.doubles(3, -1, 1).toArray()));
    params.put("sometimes", Fixtures.param(DType.FLOAT32, random.doubles(2, -1, 1).toArray()));
    return params;
  }

  /** The same values in new tensors: what loading a checkpoint gives. */
  private static Map<String, Tensor> copy(Map<String, Tensor> params) {
    Map<String, Tensor> copy = new LinkedHashMap<>();
    params.forEach((name, p) -> copy.put(name, Fixtures.param(p.dtype(), p.toDoubleArray())));
    return copy;
  }

  /** Gradient of ½‖θ − 0.3‖² plus seeded noise that depends on the step, so θ's path matters. */
  private static void gradients(Map<String, Tensor> params, int step) {
    SplittableRandom noise = new SplittableRandom(1000 + step);
    for (Map.Entry<String, Tensor> e : params.entrySet()) {
      Tensor p = e.getValue();
      if (e.getKey().equals("sometimes") && step % 2 == 0) {
        TensorData.setGrad(p, null);
        continue;
      }
      double[] theta = p.toDoubleArray();
      double[] g = new double[theta.length];
      for (int i = 0; i < g.length; i++) {
        g[i] = theta[i] - 0.3 + noise.nextDouble(-0.5, 0.5);
      }
      Fixtures.setGrad(p, g);
    }
  }

  private static void train(Optimizer opt, int from, int to) {
    for (int step = from; step < to; step++) {
      gradients(opt.parameters(), step);
      if (step == 3) {
        opt.setLearningRate(opt.learningRate() * 0.5);
      }
      opt.step();
    }
  }

  private static void assertSameBits(Map<String, Tensor> expected, Map<String, Tensor> actual) {
    expected.forEach((name, p) -> {
      Tensor q = actual.get(name);
      if (p.dtype() == DType.FLOAT32) {
        assertThat(TensorData.floats(q)).as(name).isEqualTo(TensorData.floats(p));
      } else {
        assertThat(TensorData.doubles(q)).as(name).isEqualTo(TensorData.doubles(p));
      }
    });
  }

  private static void assertSameState(OptimizerState expected, OptimizerState actual) {
    assertThat(actual.optimizer()).isEqualTo(expected.optimizer());
    assertThat(actual.scalars()).isEqualTo(expected.scalars());
    assertThat(actual.floatArrays().keySet()).isEqualTo(expected.floatArrays().keySet());
    expected.floatArrays().forEach((k, v) -> assertThat(actual.floatArrays().get(k)).as(k).isEqualTo(v));
    assertThat(actual.doubleArrays().keySet()).isEqualTo(expected.doubleArrays().keySet());
    expected.doubleArrays().forEach((k, v) -> assertThat(actual.doubleArrays().get(k)).as(k).isEqualTo(v));
  }

  @ParameterizedTest
  @MethodSource("variants")
  void continuingFromAnImportedStateIsBitIdenticalToNeverStopping(OptimizerSpec spec) {
    Map<String, Tensor> straight = model();
    Optimizer uninterrupted = spec.create(straight);
    train(uninterrupted, 0, STEPS);

    Map<String, Tensor> first = model();
    Optimizer before = spec.create(first);
    train(before, 0, STOP_AT);
    OptimizerState saved = before.exportState();

    // A fresh optimizer made with other hyperparameters: the import restores them all.
    Map<String, Tensor> resumed = copy(first);
    Optimizer after = Optimizers.create(spec.optimizer(), resumed, 0.777);
    after.importState(saved);
    assertThat(after.spec()).isEqualTo(before.spec());
    train(after, STOP_AT, STEPS);

    assertSameBits(straight, resumed);
    assertSameState(uninterrupted.exportState(), after.exportState());
  }

  @ParameterizedTest
  @MethodSource("variants")
  void restoreBuildsTheOptimizerFromTheStateAlone(OptimizerSpec spec) {
    Map<String, Tensor> straight = model();
    Optimizer uninterrupted = spec.create(straight);
    train(uninterrupted, 0, STEPS);

    Map<String, Tensor> first = model();
    Optimizer before = spec.create(first);
    train(before, 0, STOP_AT);
    Map<String, Tensor> resumed = copy(first);
    Optimizer after = Optimizers.restore(resumed, before.exportState());
    assertThat(after.getClass()).isEqualTo(before.getClass());
    train(after, STOP_AT, STEPS);

    assertSameBits(straight, resumed);
  }

  @Test
  void stateHoldsHyperparametersStepCountsAndBuffersUnderDocumentedKeys() {
    Map<String, Tensor> params = model();
    Adam adam = new Adam(params, new Adam.Spec(0.01));
    train(adam, 0, 3);
    OptimizerState state = adam.exportState();
    assertThat(state.optimizer()).isEqualTo("adam");
    assertThat(state.scalars()).containsExactly(
        Map.entry("lr", 0.01), Map.entry("beta1", 0.9), Map.entry("beta2", 0.999),
        Map.entry("eps", 1e-8), Map.entry("weight_decay", 0.0), Map.entry("amsgrad", 0.0),
        Map.entry("dense.weight/step", 3.0), Map.entry("dense.bias/step", 3.0),
        Map.entry("sometimes/step", 1.0));
    assertThat(state.floatArrays()).containsOnlyKeys(
        "dense.weight/exp_avg", "dense.weight/exp_avg_sq", "sometimes/exp_avg", "sometimes/exp_avg_sq");
    assertThat(state.doubleArrays()).containsOnlyKeys("dense.bias/exp_avg", "dense.bias/exp_avg_sq");
    assertThat(state.floatArrays().get("dense.weight/exp_avg")).hasSize(6);
  }

  @Test
  void unnamedParametersAreNamedByTheirPositions() {
    Tensor w = Fixtures.param(DType.FLOAT32, 1, 2);
    Tensor b = Fixtures.param(DType.FLOAT64, 3);
    SGD sgd = new SGD(List.of(w, b), new SGD.Spec(0.1).withMomentum(0.5));
    assertThat(sgd.parameters()).containsOnlyKeys("0", "1");
    assertThat(sgd.exportState().floatArrays()).containsOnlyKeys("0/momentum_buffer");
    assertThat(sgd.exportState().doubleArrays()).containsOnlyKeys("1/momentum_buffer");
  }

  @Test
  void anExportedStateIsACopy() {
    Map<String, Tensor> params = model();
    Adam adam = new Adam(params, new Adam.Spec(0.01));
    train(adam, 0, 2);
    OptimizerState state = adam.exportState();
    float[] saved = state.floatArrays().get("dense.weight/exp_avg").clone();
    train(adam, 2, 4);
    assertThat(state.floatArrays().get("dense.weight/exp_avg")).isEqualTo(saved);
    assertThat(state.scalars()).containsEntry("dense.weight/step", 2.0);
  }

  @Test
  void importingAnAmsgradStateSwitchesAmsgradOnWithItsBuffer() {
    Map<String, Tensor> params = model();
    Adam ams = new Adam(params, new Adam.Spec(0.01).withAmsgrad(true));
    train(ams, 0, 3);
    Adam plain = new Adam(copy(params), new Adam.Spec(0.01));
    plain.importState(ams.exportState());
    assertThat(plain.spec().amsgrad()).isTrue();
    assertSameState(ams.exportState(), plain.exportState());
  }

  private static OptimizerState edit(OptimizerState s, UnaryOperator<Map<String, Double>> scalars) {
    return new OptimizerState(s.optimizer(), scalars.apply(new HashMap<>(s.scalars())), s.floatArrays(), s.doubleArrays());
  }

  @Test
  void aStateThatDoesNotFitIsRejectedNamingTheKeyAndNothingChanges() {
    Map<String, Tensor> params = model();
    Adam adam = new Adam(params, new Adam.Spec(0.01));
    train(adam, 0, 3);
    OptimizerState good = adam.exportState();
    Adam target = new Adam(copy(params), new Adam.Spec(0.02));
    OptimizerState untouched = target.exportState();

    Map<String, float[]> shortBuffer = new HashMap<>(good.floatArrays());
    shortBuffer.put("dense.weight/exp_avg", new float[5]);
    Map<String, float[]> missingBuffer = new HashMap<>(good.floatArrays());
    missingBuffer.remove("sometimes/exp_avg_sq");
    Map<String, float[]> wrongDtype = new HashMap<>(good.floatArrays());
    wrongDtype.put("dense.bias/exp_avg", new float[3]);
    Map<String, double[]> withoutBias = new HashMap<>(good.doubleArrays());
    withoutBias.remove("dense.bias/exp_avg");
    Map<String, float[]> extra = new HashMap<>(good.floatArrays());
    extra.put("decoder.weight/exp_avg", new float[2]);

    Map<OptimizerState, String> bad = new LinkedHashMap<>();
    bad.put(new OptimizerState("sgd", good.scalars(), good.floatArrays(), good.doubleArrays()),
        "optimizer state is for 'sgd', not 'adam'");
    bad.put(new OptimizerState("adam", good.scalars(), shortBuffer, good.doubleArrays()),
        "buffer 'dense.weight/exp_avg' has 5 elements, parameter 'dense.weight' has 6");
    bad.put(new OptimizerState("adam", good.scalars(), missingBuffer, good.doubleArrays()),
        "missing buffer 'sometimes/exp_avg_sq'");
    bad.put(new OptimizerState("adam", good.scalars(), wrongDtype, withoutBias),
        "buffer 'dense.bias/exp_avg' is float32 but parameter 'dense.bias' is float64");
    bad.put(new OptimizerState("adam", good.scalars(), extra, good.doubleArrays()),
        "unexpected float32 array 'decoder.weight/exp_avg'");
    bad.put(edit(good, m -> { m.remove("beta2"); return m; }), "missing hyperparameter 'beta2'");
    bad.put(edit(good, m -> { m.put("beta1", 1.0); return m; }), "beta1 must be in [0, 1), got 1.0");
    bad.put(edit(good, m -> { m.put("amsgrad", 0.5); return m; }), "amsgrad is a flag and must be 0 or 1");
    bad.put(edit(good, m -> { m.put("dense.bias/step", 2.5); return m; }),
        "step count 'dense.bias/step' must be a whole number >= 0, got 2.5");
    bad.put(edit(good, m -> { m.remove("sometimes/step"); return m; }), "missing step count 'sometimes/step'");
    bad.put(edit(good, m -> { m.put("momentum", 0.9); return m; }), "unexpected scalar 'momentum'");

    bad.forEach((state, message) -> {
      assertThatThrownBy(() -> target.importState(state))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(message);
      assertSameState(untouched, target.exportState());
    });
  }
}
