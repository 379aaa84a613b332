package dev.backprop.data;

import java.util.List;
import java.util.Objects;

/**
 * One column of a CSV file as training saw it: its header name, its role, and what encoding it
 * needs later (the category vocabulary of a one-hot column or the class names of a class target,
 * and the training mean a numeric column is imputed with).
 *
 * @param name the column's header name ({@code columnN} in a file without header)
 * @param role how the column is used
 * @param categories the one-hot vocabulary ({@link Role#CATEGORICAL}) or the class names
 *     ({@link Role#CLASS_TARGET}), in encoding order; empty for other roles
 * @param mean the training mean of a {@link Role#NUMERIC} column; 0 for other roles
 */
public record CsvColumn(String name, Role role, List<String> categories, float mean) {
  /** How a column is used. */
  public enum Role {
    /** A numeric feature: one feature column. */
    NUMERIC,
    /** A one-hot encoded feature: one feature column per category, named {@code name=category}. */
    CATEGORICAL,
    /** The target of a classification: a class label per row. */
    CLASS_TARGET,
    /** The target of a regression: a real value per row. */
    VALUE_TARGET,
    /** Left out of the features. */
    IGNORED
  }

  /** Checks that the vocabulary matches the role. */
  public CsvColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    categories = List.copyOf(categories);
    boolean needsCategories = role == Role.CATEGORICAL || role == Role.CLASS_TARGET;
    if (needsCategories == categories.isEmpty()) {
      throw new IllegalArgumentException("column " + name + " (" + role + ") with categories "
          + categories);
    }
    if (!Float.isFinite(mean)) {
      throw new IllegalArgumentException("column " + name + " has mean " + mean);
    }
  }

  /** @return the number of feature columns this column encodes to (0 for target and ignored) */
  public int width() {
    return switch (role) {
      case NUMERIC -> 1;
      case CATEGORICAL -> categories.size();
      default -> 0;
    };
  }

  /** @return whether this column is the target */
  public boolean isTarget() {
    return role == Role.CLASS_TARGET || role == Role.VALUE_TARGET;
  }
}
