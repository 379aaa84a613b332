package dev.backprop.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.nn.BinaryCrossEntropy;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.MeanSquaredError;
import dev.backprop.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PreflightChecksTest {
  private static final TrainingConfig NO_SPLIT = TrainingConfig.of(1, 8, 1);

  /** n rows of standard-normal features, labels cycling through the classes. */
  private static Examples clean(int n, int features, int classes) {
    SplittableRandom rng = new SplittableRandom(3);
    float[] x = new float[n * features];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextGaussian();
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
    }
    return Examples.classification(Tensor.of(x, n, features), labels, classes);
  }

  private static Examples withColumn(Examples e, int column, float scale, float shift) {
    float[] x = e.features().toFloatArray();
    int d = e.featureCount();
    for (int i = 0; i < e.size(); i++) {
      x[i * d + column] = x[i * d + column] * scale + shift;
    }
    return Examples.classification(Tensor.of(x, e.size(), d), e.labels(), e.classes());
  }

  private static List<PreflightWarning.Kind> kinds(List<PreflightWarning> warnings) {
    return warnings.stream().map(PreflightWarning::kind).toList();
  }

  @Test
  void standardizedBalancedClassificationWithCrossEntropyRaisesNoWarning() {
    Examples train = clean(60, 3, 3);
    assertThat(PreflightChecks.of(train, new CategoricalCrossEntropy(), NO_SPLIT.withValidationSplit(0.2))
        .withTest(clean(30, 3, 3)).warnings()).isEmpty();
  }

  @Test
  void featuresInTheThousandsOrThousandthsAreFarFromUnitScaleAndNamed() {
    Examples train = withColumn(withColumn(clean(60, 3, 3), 0, 1000, 50_000), 2, 1e-4f, 0);
    List<PreflightWarning> warnings = PreflightChecks.of(train, new CategoricalCrossEntropy(), NO_SPLIT)
        .withNames(List.of("income", "age", "ratio"), List.of()).warnings();
    assertThat(kinds(warnings)).containsExactly(PreflightWarning.Kind.FEATURE_SCALE);
    assertThat(warnings.get(0).message())
        .startsWith("2 features of 3 are far from unit scale: 'income' spans [")
        .contains("'ratio' spans [-")
        .doesNotContain("'age'")
        .contains("--scale standardize");
  }

  @Test
  void aConstantFeatureIsNamedWithItsValue() {
    Examples train = withColumn(clean(40, 2, 2), 1, 0, 3);
    List<PreflightWarning> warnings = PreflightChecks.of(train, new CategoricalCrossEntropy(), NO_SPLIT).warnings();
    assertThat(kinds(warnings)).containsExactly(PreflightWarning.Kind.CONSTANT_FEATURE);
    assertThat(warnings.get(0).message())
        .isEqualTo("1 feature of 2 has the same value in every training example: feature 2 = 3."
            + " A constant feature carries no information; leave it out of the data.");
  }

  @Test
  void squaredErrorOnClassLabelsIsALossMismatch() {
    List<PreflightWarning> warnings = PreflightChecks.of(clean(40, 2, 2), new MeanSquaredError(), NO_SPLIT).warnings();
    assertThat(kinds(warnings)).containsExactly(PreflightWarning.Kind.LOSS_MISMATCH);
    assertThat(warnings.get(0).message()).startsWith("mse on class labels:").endsWith("use cross-entropy.");
  }

  @Test
  void crossEntropyOnARegressionTargetIsALossMismatch() {
    Examples curve = Examples.regression(Tensor.of(new float[] {-1, 0, 1, 2}, 4, 1),
        Tensor.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, 4, 1));
    List<PreflightWarning> warnings = PreflightChecks.of(curve, new BinaryCrossEntropy(), NO_SPLIT).warnings();
    assertThat(kinds(warnings)).containsExactly(PreflightWarning.Kind.LOSS_MISMATCH);
    assertThat(warnings.get(0).message()).startsWith("binary-cross-entropy on a regression target:");
  }

  @Test
  void aRegressionTargetOfFewWholeNumbersLooksLikeClassLabels() {
    Examples coded = Examples.regression(Tensor.of(new float[] {-1, 0, 1, 2, 3, 4}, 6, 1),
        Tensor.of(new float[] {0, 2, 1, 0, 2, 1}, 6, 1));
    List<PreflightWarning> warnings = PreflightChecks.of(coded, new MeanSquaredError(), NO_SPLIT).warnings();
    assertThat(kinds(warnings)).containsExactly(PreflightWarning.Kind.LOSS_MISMATCH);
    assertThat(warnings.get(0).message()).startsWith("the regression target holds only the whole numbers 0, 1, 2:")
        .contains("--task classification");
  }

  @Test
  void manyNumericClassesLookLikeARegressionTarget() {
    Examples train = clean(60, 2, 30);
    List<String> classes = java.util.stream.IntStream.range(0, 30).mapToObj(i -> (i * 1.5) + "").toList();
    List<PreflightWarning> warnings = PreflightChecks.of(train, new CategoricalCrossEntropy(), NO_SPLIT)
        .withNames(List.of(), classes).warnings();
    assertThat(kinds(warnings)).containsExactly(PreflightWarning.Kind.LOSS_MISMATCH);
    assertThat(warnings.get(0).message()).startsWith("cross-entropy on 30 classes whose labels are all numbers:");
  }

  @Test
  void aClassTooSmallForTheValidationSplitIsNamedWithTheSplitThatWouldReachIt() {
    int[] labels = new int[43];
    for (int i = 0; i < 40; i++) {
      labels[i] = i % 2;
    }
    labels[40] = labels[41] = labels[42] = 2;
    Examples train = Examples.classification(clean(43, 2, 2).features(), labels, 3);
    List<PreflightWarning> warnings = PreflightChecks.of(train, new CategoricalCrossEntropy(),
        NO_SPLIT.withValidationSplit(0.1)).withNames(List.of(), List.of("cat", "dog", "axolotl")).warnings();
    assertThat(kinds(warnings)).containsExactly(PreflightWarning.Kind.SMALL_CLASS);
    assertThat(warnings.get(0).message()).isEqualTo("class 'axolotl' has 3 training examples: a validation split"
        + " of 0.1 holds out none of them, so validation never measures it. Gather more examples of it, or"
        + " raise the split to at least 0.17.");
  }

  @Test
  void aClassWithoutTrainingExamplesAndTestLabelsOfItAreBothReported() {
    Examples train = Examples.classification(clean(40, 2, 2).features(), clean(40, 2, 2).labels(), 3);
    int[] testLabels = {0, 1, 2, 2, 1};
    Examples test = Examples.classification(clean(5, 2, 2).features(), testLabels, 3);
    List<PreflightWarning> warnings = PreflightChecks.of(train, new CategoricalCrossEntropy(), NO_SPLIT)
        .withTest(test).warnings();
    assertThat(kinds(warnings)).containsExactly(PreflightWarning.Kind.SMALL_CLASS,
        PreflightWarning.Kind.UNSEEN_TEST_LABEL);
    assertThat(warnings.get(0).message()).isEqualTo("class 2 has no training examples: the network cannot learn to"
        + " predict it.");
    assertThat(warnings.get(1).message()).startsWith("2 test rows of 5 have labels no training example has: 2 (2 rows).");
  }

  @Test
  void namesThatDoNotMatchTheExamplesAreRefused() {
    assertThatThrownBy(() -> PreflightChecks.of(clean(10, 2, 2), new CategoricalCrossEntropy(), NO_SPLIT)
        .withNames(List.of("only one"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("preflight checks: 1 feature names for 2 features");
  }

  @Test
  void aClassMissingFromGivenValidationExamplesIsNamed() {
    Examples train = clean(30, 2, 3);
    Examples validation = Examples.classification(clean(4, 2, 2).features(), new int[] {0, 1, 0, 1}, 3);
    List<PreflightWarning> warnings = PreflightChecks.of(train, new CategoricalCrossEntropy(),
        NO_SPLIT.withValidationSplit(0.1)).withValidation(validation).warnings();
    assertThat(warnings).extracting(PreflightWarning::message).containsExactly("class 2 has 10 training examples and"
        + " no validation example, so validation never measures it. Gather more examples of it, or hold out a"
        + " larger share for validation.");
  }
}
