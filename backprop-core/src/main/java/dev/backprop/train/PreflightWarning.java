package dev.backprop.train;

import java.util.Objects;

/**
 * Something about a run that {@link PreflightChecks} found likely to make training slow, poor or
 * misleading, though not impossible.
 *
 * @param kind what sort of problem it is
 * @param message what was found, with names and numbers, and what to do about it
 */
public record PreflightWarning(Kind kind, String message) {
  /** The sorts of problem the checks look for. */
  public enum Kind {
    /** Features whose values are far from unit scale (the examples are not standardized). */
    FEATURE_SCALE,
    /** Features with the same value in every training example. */
    CONSTANT_FEATURE,
    /** A loss that does not fit the target: squared error on class labels, cross-entropy on real values. */
    LOSS_MISMATCH,
    /** A class with too few examples for the validation split, or none at all. */
    SMALL_CLASS,
    /** Test labels that no training example has. */
    UNSEEN_TEST_LABEL
  }

  /** Checks that both parts are given. */
  public PreflightWarning {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** The message. */
  @Override
  public String toString() {
    return message;
  }
}
