package dev.backprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.backprop.tensor.DType;
import dev.backprop.tensor.GradCheck;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LossTest {
  private static final int[] LABELS = {2, 0, 1, 2};
  private static final double[] WEIGHTS = {0.5, 2.0, 1.5};

  private static Tensor matrix(long seed, int rows, int cols, double lo, double hi) {
    return Tensor.of(new SplittableRandom(seed).doubles((long) rows * cols, lo, hi).toArray(), rows, cols);
  }

  private static Tensor oneHot(int[] labels, int classes) {
    double[] v = new double[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      v[i * classes + labels[i]] = 1;
    }
    return Tensor.of(v, labels.length, classes);
  }

  /** A loss under test, with how its targets are drawn for a [4, 3] prediction. */
  record LossCase(String name, BiFunction<Tensor, Tensor, Tensor> loss, boolean probabilityTargets) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<LossCase> lossCases() {
    List<LossCase> t = new ArrayList<>();
    t.add(new LossCase("mse", new MeanSquaredError()::compute, false));
    t.add(new LossCase("half-sum-squared-error", new HalfSumSquaredError()::compute, false));
    t.add(new LossCase("mae", new MeanAbsoluteError()::compute, false));
    t.add(new LossCase("huber", new Huber(0.3)::compute, false));
    t.add(new LossCase("binary-cross-entropy", new BinaryCrossEntropy()::compute, true));
    t.add(new LossCase("cross-entropy, probabilities", new CategoricalCrossEntropy()::compute, true));
    t.add(new LossCase("cross-entropy, weighted smoothed probabilities",
        new CategoricalCrossEntropy().withClassWeights(WEIGHTS).withLabelSmoothing(0.2)::compute, true));
    return t;
  }

  static Stream<Arguments> gradCases() {
    return lossCases().stream().flatMap(c -> Stream.of(0, 1, 2).map(s -> Arguments.of(c, s)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("gradCases")
  void lossGradientsMatchFiniteDifferencesForPredictionsAndTargets(LossCase c, int seed) {
    Tensor p = matrix(seed, 4, 3, -2, 2);
    Tensor t = c.probabilityTargets() ? matrix(seed + 100, 4, 3, 0, 1) : matrix(seed + 100, 4, 3, -2, 2);
    GradCheck.Result r = GradCheck.check(in -> c.loss().apply(in[0], in[1]), p, t);
    assertThat(r.passed()).as(r.toString()).isTrue();
  }

  static Stream<CategoricalCrossEntropy> classIndexVariants() {
    return Stream.of(new CategoricalCrossEntropy(),
        new CategoricalCrossEntropy().withClassWeights(WEIGHTS),
        new CategoricalCrossEntropy().withLabelSmoothing(0.1),
        new CategoricalCrossEntropy().withClassWeights(WEIGHTS).withLabelSmoothing(0.3));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classIndexVariants")
  void crossEntropyFromClassIndicesHasFiniteDifferenceGradients(CategoricalCrossEntropy loss) {
    GradCheck.Result r = GradCheck.check(in -> loss.compute(in[0], LABELS), matrix(7, 4, 3, -2, 2));
    assertThat(r.passed()).as(r.toString()).isTrue();
  }

  /** PyTorch: (1 − ε)·Σ w_y(−ln q_y) / Σ w_y + ε/C·Σ_n Σ_c w_c(−ln q_nc) / Σ w_y. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("classIndexVariants")
  void crossEntropyFromClassIndicesFollowsPyTorchWeightedMeanAndSmoothing(CategoricalCrossEntropy loss) {
    Tensor z = matrix(3, 4, 3, -2, 2);
    double[] logq = z.logSoftmax(1).toDoubleArray();
    double[] w = loss.classWeights() == null ? new double[] {1, 1, 1} : loss.classWeights();
    double eps = loss.labelSmoothing();
    double nll = 0;
    double smooth = 0;
    double weightSum = 0;
    for (int n = 0; n < LABELS.length; n++) {
      nll -= w[LABELS[n]] * logq[n * 3 + LABELS[n]];
      weightSum += w[LABELS[n]];
      for (int c = 0; c < 3; c++) {
        smooth -= w[c] * logq[n * 3 + c];
      }
    }
    double expected = (1 - eps) * nll / weightSum + eps / 3 * smooth / weightSum;
    assertThat(loss.compute(z, LABELS).item()).isCloseTo(expected, offset(1e-14));
    Tensor asTensor = Tensor.of(new double[] {2, 0, 1, 2}, 4);
    assertThat(loss.compute(z, asTensor).item()).isEqualTo(loss.compute(z, LABELS).item());
  }

  @Test
  void crossEntropyWithProbabilityTargetsWeighsEachClassAndDividesByTheBatch() {
    Tensor z = matrix(4, 4, 3, -2, 2);
    Tensor y = matrix(5, 4, 3, 0, 1).softmax(1);
    double[] logq = z.logSoftmax(1).toDoubleArray();
    double[] q = y.toDoubleArray();
    double eps = 0.2;
    double expected = 0;
    for (int i = 0; i < q.length; i++) {
      expected -= WEIGHTS[i % 3] * ((1 - eps) * q[i] + eps / 3) * logq[i];
    }
    CategoricalCrossEntropy loss = new CategoricalCrossEntropy().withClassWeights(WEIGHTS).withLabelSmoothing(eps);
    assertThat(loss.compute(z, y).item()).isCloseTo(expected / 4, offset(1e-14));
  }

  @Test
  void fusedCrossEntropyMatchesTheComposedFormulaInValueAndGradient() {
    Tensor z = matrix(8, 4, 3, -3, 3);
    Tensor y = matrix(9, 4, 3, 0, 1).softmax(1);
    assertSameValueAndGradient(z,
        l -> new CategoricalCrossEntropy().compute(l, LABELS),
        l -> oneHot(LABELS, 3).mul(l.logSoftmax(1)).sum().neg().div(4));
    assertSameValueAndGradient(z,
        l -> new CategoricalCrossEntropy().compute(l, y),
        l -> y.mul(l.softmax(1).log()).sum().neg().div(4));
  }

  @Test
  void fusedBinaryCrossEntropyMatchesTheComposedFormulaInValueAndGradient() {
    Tensor y = matrix(10, 4, 3, 0, 1);
    assertSameValueAndGradient(matrix(11, 4, 3, -4, 4),
        l -> new BinaryCrossEntropy().compute(l, y),
        l -> y.mul(l.sigmoid().log()).add(y.neg().add(1).mul(l.sigmoid().neg().add(1).log())).mean().neg());
  }

  @Test
  void fusedSquaredErrorsMatchTheComposedFormulasInValueAndGradient() {
    Tensor t = matrix(12, 4, 3, -1, 1);
    assertSameValueAndGradient(matrix(13, 4, 3, -2, 2),
        p -> new MeanSquaredError().compute(p, t), p -> p.sub(t).pow(2).mean());
    assertSameValueAndGradient(matrix(14, 4, 3, -2, 2),
        p -> new HalfSumSquaredError().compute(p, t), p -> p.sub(t).pow(2).sum().mul(0.5).div(4));
  }

  private static void assertSameValueAndGradient(
      Tensor x, java.util.function.Function<Tensor, Tensor> fused, java.util.function.Function<Tensor, Tensor> composed) {
    Tensor a = Tensor.of(x.toDoubleArray(), x.shape()).requiresGrad();
    Tensor b = Tensor.of(x.toDoubleArray(), x.shape()).requiresGrad();
    Tensor la = fused.apply(a);
    Tensor lb = composed.apply(b);
    assertThat(la.item()).isCloseTo(lb.item(), offset(1e-13));
    la.backward();
    lb.backward();
    assertThat(a.grad().toDoubleArray()).usingComparatorWithPrecision(1e-13).containsExactly(b.grad().toDoubleArray());
  }

  @Test
  void regressionLossesGiveHandComputedValues() {
    Tensor p = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
    Tensor t = Tensor.of(new double[] {1.5, 0, 3, 7}, 2, 2);
    // differences −0.5, 2, 0, −3
    assertThat(new MeanSquaredError().compute(p, t).item()).isCloseTo((0.25 + 4 + 0 + 9) / 4, offset(1e-15));
    assertThat(new HalfSumSquaredError().compute(p, t).item()).isCloseTo(0.5 * (0.25 + 4 + 0 + 9) / 2, offset(1e-15));
    assertThat(new MeanAbsoluteError().compute(p, t).item()).isCloseTo((0.5 + 2 + 0 + 3) / 4, offset(1e-15));
    // δ = 1: ½·0.25, 1·(2 − ½), 0, 1·(3 − ½)
    assertThat(new Huber(1).compute(p, t).item()).isCloseTo((0.125 + 1.5 + 0 + 2.5) / 4, offset(1e-15));
    // δ = 2.5: ½·0.25, ½·4, 0, 2.5·(3 − 1.25)
    assertThat(new Huber(2.5).compute(p, t).item()).isCloseTo((0.125 + 2 + 0 + 4.375) / 4, offset(1e-15));
  }

  @Test
  void huberGradientIsTheClampedDifference() {
    Tensor p = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad();
    Tensor t = Tensor.of(new double[] {1.5, 0, 3, 7}, 2, 2);
    new Huber(1).compute(p, t).backward();
    assertThat(p.grad().toDoubleArray()).usingComparatorWithPrecision(1e-15)
        .containsExactly(-0.5 / 4, 1.0 / 4, 0, -1.0 / 4);
  }

  @Test
  void binaryCrossEntropyGivesHandComputedValue() {
    Tensor z = Tensor.of(new double[] {0, 2}, 1, 2);
    Tensor y = Tensor.of(new double[] {1, 0}, 1, 2);
    double expected = (-Math.log(0.5) - Math.log(1 - 1 / (1 + Math.exp(-2)))) / 2;
    assertThat(new BinaryCrossEntropy().compute(z, y).item()).isCloseTo(expected, offset(1e-15));
  }

  @Test
  void lossesWorkInFloat32() {
    Tensor z = matrix(15, 4, 3, -2, 2).toFloat32();
    CategoricalCrossEntropy loss = new CategoricalCrossEntropy().withClassWeights(WEIGHTS).withLabelSmoothing(0.1);
    Tensor l = loss.compute(z, LABELS);
    assertThat(l.dtype()).isEqualTo(DType.FLOAT32);
    assertThat(l.item()).isCloseTo(loss.compute(z.toFloat64(), LABELS).item(), offset(1e-5));
    assertThat(loss.compute(z, z.softmax(1)).dtype()).isEqualTo(DType.FLOAT32);
  }

  @Test
  void byNameFindsEveryLossAndRejectsUnknownNames() {
    for (String name : Loss.names()) {
      assertThat(Loss.byName(name).name()).isEqualTo(name);
    }
    assertThat(Loss.byName("cross-entropy")).isInstanceOf(CategoricalCrossEntropy.class);
    assertThat(Loss.byName("cross-entropy").outputActivation()).isEqualTo(Activation.SOFTMAX);
    assertThat(Loss.byName("binary-cross-entropy").outputActivation()).isEqualTo(Activation.SIGMOID);
    assertThat(((Huber) Loss.byName("huber")).delta()).isEqualTo(1.0);
    assertThatThrownBy(() -> Loss.byName("crossentropy"))
        .hasMessageContaining("unknown loss 'crossentropy'").hasMessageContaining("cross-entropy");
  }

  @Test
  void badTargetsAndOptionsAreRejectedWithTheOffendingValue() {
    Tensor z = matrix(1, 4, 3, -1, 1);
    CategoricalCrossEntropy ce = new CategoricalCrossEntropy().withLabelSmoothing(0.1);
    assertThatThrownBy(() -> ce.compute(z, new int[] {0, 1, 3, 0})).hasMessageContaining("label 3 at row 2 is outside [0, 3)");
    assertThatThrownBy(() -> ce.compute(z, Tensor.of(new double[] {0, 1.5, 2, 0}, 4)))
        .hasMessageContaining("target 1.5 at row 1 is not a class index");
    assertThatThrownBy(() -> ce.withClassWeights(1, 2).compute(z, LABELS)).hasMessageContaining("2 class weights for 3 classes");
    assertThatThrownBy(() -> ce.withClassWeights(1, -2, 1)).hasMessageContaining("class weight 1");
    assertThatThrownBy(() -> ce.withLabelSmoothing(1.5)).hasMessageContaining("[0, 1], got 1.5");
    assertThatThrownBy(() -> new CategoricalCrossEntropy().withClassWeights(0, 1, 1).compute(z, new int[] {0, 0, 0, 0}))
        .hasMessageContaining("sum to 0");
    assertThatThrownBy(() -> new MeanAbsoluteError().compute(z, matrix(1, 4, 1, 0, 1)))
        .hasMessageContaining("predictions [4, 3] and targets [4, 1] differ in shape");
    assertThatThrownBy(() -> new Huber(0)).hasMessageContaining("delta must be positive");
  }
}
