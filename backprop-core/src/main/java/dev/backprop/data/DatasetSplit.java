package dev.backprop.data;

import java.util.Objects;

/**
 * A data set in two parts with the same columns and classes: the rows a model trains on, and the
 * rows held out to measure it (the test files of an IDX directory, or the validation part of
 * {@link Splits#trainValidation}).
 *
 * @param train the rows to train on
 * @param holdout the held-out rows
 */
public record DatasetSplit(Dataset train, Dataset holdout) {
  /** Checks that both parts are present and have the same feature columns and classes. */
  public DatasetSplit {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(holdout, "holdout");
    if (!train.featureNames().equals(holdout.featureNames())
        || !train.classNames().equals(holdout.classNames())) {
      throw new IllegalArgumentException(
          "train and holdout differ in columns or classes: " + train.name() + ", "
          + holdout.name());
    }
  }
}
