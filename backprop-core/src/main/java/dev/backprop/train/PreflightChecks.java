package dev.backprop.train;

import dev.backprop.data.Task;
import dev.backprop.nn.Activation;
import dev.backprop.nn.Loss;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Looks at a run before it starts for what usually makes training fail quietly, and says what to do
 * about it: features far from unit scale, constant features, a loss that does not fit the target,
 * classes too small for the validation split, and test labels the training examples never show.
 * Nothing here refuses a run (what cannot work at all, {@link Trainer#fit} refuses); the caller shows
 * the warnings. Immutable.
 *
 * <pre>{@code
 * List<PreflightWarning> warnings = PreflightChecks.of(train, loss, config)
 *     .withTest(test)
 *     .withNames(featureNames, classNames)
 *     .warnings();
 * warnings.forEach(w -> System.err.println("warning: " + w.message()));
 * }</pre>
 */
public final class PreflightChecks {
  /**
   * A feature is far from unit scale when its largest magnitude is above this, or below its inverse
   * (and it is not constant).
   */
  public static final double FAR_FROM_UNIT = 100;

  private final Examples train;
  private final Loss loss;
  private final TrainingConfig config;
  private final Examples validation;
  private final Examples test;
  private final List<String> featureNames;
  private final List<String> classNames;

  private PreflightChecks(Examples train, Loss loss, TrainingConfig config, Examples validation, Examples test,
      List<String> featureNames, List<String> classNames) {
    this.train = Objects.requireNonNull(train, "train");
    this.loss = Objects.requireNonNull(loss, "loss");
    this.config = Objects.requireNonNull(config, "config");
    this.validation = validation;
    this.test = test;
    this.featureNames = featureNames;
    this.classNames = classNames;
  }

  /**
   * Checks of training on {@code train} (as the network will see it) with {@code loss} and {@code
   * config}; when the configuration has a validation split, of the split it will make.
   */
  public static PreflightChecks of(Examples train, Loss loss, TrainingConfig config) {
    return new PreflightChecks(train, loss, config, null, null, List.of(), List.of());
  }

  /** The same where the validation examples are given (already split off the training examples). */
  public PreflightChecks withValidation(Examples validation) {
    return new PreflightChecks(train, loss, config, validation, test, featureNames, classNames);
  }

  /** The same also checking the test examples against the training examples. */
  public PreflightChecks withTest(Examples test) {
    return new PreflightChecks(train, loss, config, validation, test, featureNames, classNames);
  }

  /**
   * The same naming features and classes in messages (either list may be empty: then they are
   * named by number).
   *
   * @throws IllegalArgumentException if a non-empty list does not have one name per feature or class
   */
  public PreflightChecks withNames(List<String> featureNames, List<String> classNames) {
    new Names(featureNames, classNames, train);
    return new PreflightChecks(train, loss, config, validation, test, List.copyOf(featureNames),
        List.copyOf(classNames));
  }

  /** The warnings, in the order: feature scale, constant features, loss, small classes, test labels. */
  public List<PreflightWarning> warnings() {
    Names names = new Names(featureNames, classNames, train);
    List<PreflightWarning> warnings = new ArrayList<>();
    FeatureRanges ranges = FeatureRanges.of(train);
    scale(ranges, names, warnings);
    constant(ranges, names, warnings);
    LossFit.check(train, loss, names, warnings);
    if (train.isClassification()) {
      smallClasses(names, warnings);
      if (test != null && test.isClassification()) {
        unseenTestLabels(train, test, names, warnings);
      }
    }
    return List.copyOf(warnings);
  }

  private static void scale(FeatureRanges ranges, Names names, List<PreflightWarning> warnings) {
    List<String> far = new ArrayList<>();
    for (int j = 0; j < ranges.columns(); j++) {
      double size = ranges.magnitude(j);
      if (ranges.min(j) != ranges.max(j) && (size > FAR_FROM_UNIT || size < 1 / FAR_FROM_UNIT)) {
        far.add(names.feature(j) + " spans [" + number(ranges.min(j)) + ", " + number(ranges.max(j)) + "]");
      }
    }
    if (!far.isEmpty()) {
      warnings.add(new PreflightWarning(PreflightWarning.Kind.FEATURE_SCALE, count(far.size(), "feature")
          + " of " + ranges.columns() + (far.size() == 1 ? " is" : " are") + " far from unit scale: "
          + listed(far) + ". Inputs that large or small make the first layer's steps badly sized and"
          + " training slow or unstable; standardize the features (Scaler.Method.STANDARDIZE; on the"
          + " command line --scale standardize)."));
    }
  }

  private static void constant(FeatureRanges ranges, Names names, List<PreflightWarning> warnings) {
    List<String> constant = new ArrayList<>();
    for (int j = 0; j < ranges.columns(); j++) {
      if (ranges.min(j) == ranges.max(j)) {
        constant.add(names.feature(j) + " = " + number(ranges.min(j)));
      }
    }
    if (!constant.isEmpty()) {
      warnings.add(new PreflightWarning(PreflightWarning.Kind.CONSTANT_FEATURE, count(constant.size(), "feature")
          + " of " + ranges.columns() + (constant.size() == 1 ? " has" : " have")
          + " the same value in every training example: " + listed(constant)
          + ". A constant feature carries no information; leave it out of the data."));
    }
  }

  private void smallClasses(Names names, List<PreflightWarning> warnings) {
    int[] counts = classCounts(train);
    int[] held = validation != null && validation.isClassification() ? classCounts(validation) : null;
    double split = config.validationSplit();
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0 && (held == null || c >= held.length || held[c] == 0)) {
        warnings.add(small("class " + names.label(c) + " has no training examples: the network cannot learn to"
            + " predict it."));
      } else if (held != null && counts[c] > 0 && (c >= held.length || held[c] == 0)) {
        warnings.add(small("class " + names.label(c) + " has " + count(counts[c], "training example")
            + " and no validation example, so validation never measures it. Gather more examples of it, or"
            + " hold out a larger share for validation."));
      } else if (held == null && split > 0 && Math.min(Math.round(split * counts[c]), counts[c] - 1) == 0) {
        warnings.add(small("class " + names.label(c) + " has " + count(counts[c], "training example")
            + ": a validation split of " + number(split) + " holds out none of them, so validation never"
            + " measures it. Gather more examples of it"
            + (counts[c] > 1 ? ", or raise the split to at least "
                + String.format(Locale.ROOT, "%.2f", 0.5 / counts[c]) : "") + "."));
      }
    }
  }

  private static PreflightWarning small(String message) {
    return new PreflightWarning(PreflightWarning.Kind.SMALL_CLASS, message);
  }

  private static void unseenTestLabels(Examples train, Examples test, Names names, List<PreflightWarning> warnings) {
    int[] trainCounts = classCounts(train);
    int[] testCounts = classCounts(test);
    List<String> unseen = new ArrayList<>();
    int rows = 0;
    for (int c = 0; c < testCounts.length; c++) {
      if (testCounts[c] > 0 && (c >= trainCounts.length || trainCounts[c] == 0)) {
        unseen.add(names.label(c) + " (" + count(testCounts[c], "row") + ")");
        rows += testCounts[c];
      }
    }
    if (!unseen.isEmpty()) {
      warnings.add(new PreflightWarning(PreflightWarning.Kind.UNSEEN_TEST_LABEL, count(rows, "test row") + " of "
          + test.size() + (rows == 1 ? " has a label" : " have labels") + " no training example has: "
          + listed(unseen) + ". The network cannot predict those; the test accuracy counts them all"
          + " as errors."));
    }
  }

  static int[] classCounts(Examples examples) {
    int[] counts = new int[examples.classes()];
    for (int label : examples.labels()) {
      counts[label]++;
    }
    return counts;
  }

  /** "3 features", "1 feature". */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The first five items, then how many more. */
  static String listed(List<String> items) {
    int shown = Math.min(5, items.size());
    String head = String.join(", ", items.subList(0, shown));
    return items.size() > shown ? head + " and " + (items.size() - shown) + " more" : head;
  }

  /** A number to three significant digits, as briefly as it reads well: 3, 0.1, 52300, 1.20e-07. */
  static String number(double v) {
    double size = Math.abs(v);
    if (v == 0 || (size >= 1e-4 && size < 1e7)) {
      return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.2e", v);
  }

  /** The loss against the target. */
  private static final class LossFit {
    private LossFit() {}

    static void check(Examples train, Loss loss, Names names, List<PreflightWarning> warnings) {
      boolean crossEntropy = loss.outputActivation() != Activation.IDENTITY;
      if (train.isClassification() && !crossEntropy) {
        warnings.add(mismatch(loss.name() + " on class labels: the network is fitted to one-hot labels by "
            + "a regression loss, which trains classifiers slowly and gives no probabilities; use"
            + " cross-entropy."));
      } else if (!train.isClassification() && crossEntropy) {
        warnings.add(mismatch(loss.name() + " on a regression target: a cross-entropy fits probabilities of"
            + " classes, not real values; use mse, mae or huber."));
      } else if (!train.isClassification() && train.targetCount() == 1
          && Task.infer(train.targets().toFloatArray()) == Task.CLASSIFICATION) {
        TreeSet<Float> values = new TreeSet<>();
        for (float v : train.targets().toFloatArray()) {
          values.add(v);
        }
        warnings.add(mismatch("the regression target holds only the whole numbers "
            + listed(values.stream().map(PreflightChecks::number).toList()) + ": if these are class labels,"
            + " train a classifier with cross-entropy (on the command line --task classification)."));
      } else if (train.isClassification() && names.numericClasses() && train.classes() > Task.MAX_INFERRED_CLASSES) {
        warnings.add(mismatch(loss.name() + " on " + train.classes() + " classes whose labels are all numbers:"
            + " if the target is a quantity, predict it by regression with mse (on the command line"
            + " --task regression)."));
      }
    }

    private static PreflightWarning mismatch(String message) {
      return new PreflightWarning(PreflightWarning.Kind.LOSS_MISMATCH, message);
    }
  }

  /** Feature and class names, or their numbers when unnamed. */
  private record Names(List<String> features, List<String> classes) {
    Names(List<String> features, List<String> classes, Examples train) {
      this(List.copyOf(features), List.copyOf(classes));
      if (!features.isEmpty() && features.size() != train.featureCount()) {
        throw new IllegalArgumentException("preflight checks: " + features.size() + " feature names for "
            + train.featureCount() + " features");
      }
      if (!classes.isEmpty() && (!train.isClassification() || classes.size() != train.classes())) {
        throw new IllegalArgumentException("preflight checks: " + classes.size() + " class names for "
            + (train.isClassification() ? train.classes() + " classes" : "a regression target"));
      }
    }

    String feature(int j) {
      return features.isEmpty() ? "feature " + (j + 1) : "'" + features.get(j) + "'";
    }

    String label(int c) {
      return classes.isEmpty() ? Integer.toString(c) : "'" + classes.get(c) + "'";
    }

    boolean numericClasses() {
      return !classes.isEmpty() && classes.stream().allMatch(s -> s.matches("[-+]?\\d*\\.?\\d+([eE][-+]?\\d+)?"));
    }
  }
}
