package dev.backprop.data;

import java.util.List;
import java.util.Objects;

/**
 * Which CSV column holds the target: by header name, by 1-based column number (as error
 * messages count), or the last column. A file without a header names its columns
 * {@code column1}, {@code column2}, …, so those names work too.
 */
public final class TargetColumn {
  private static final int LAST = -1;

  private final String name;
  private final int number;

  private TargetColumn(String name, int number) {
    this.name = name;
    this.number = number;
  }

  /**
   * @param name the header name of the target column
   * @return a reference by name
   */
  public static TargetColumn named(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a target column name must not be empty");
    }
    return new TargetColumn(name, 0);
  }

  /**
   * @param number the 1-based column number
   * @return a reference by position
   */
  public static TargetColumn number(int number) {
    if (number < 1) {
      throw new IllegalArgumentException("column numbers start at 1, not " + number);
    }
    return new TargetColumn(null, number);
  }

  /** @return a reference to the last column, the usual place of the target */
  public static TargetColumn last() {
    return new TargetColumn(null, LAST);
  }

  /**
   * Reads a command-line style reference: a header name, or a positive number. When the text is
   * both (a header column named {@code 3}), the name wins.
   *
   * @param text a column name or number
   * @return the reference
   */
  public static TargetColumn parse(String text) {
    if (text.matches("[1-9][0-9]{0,8}")) {
      return new TargetColumn(text, Integer.parseInt(text));
    }
    return named(text);
  }

  /** Whether this names a header column (not a number, nor a generated columnN name). */
  boolean needsHeader() {
    return name != null && number == 0 && !name.matches("column[1-9][0-9]*");
  }

  /** The 0-based index of this column among the given column names. */
  int resolve(List<String> columns, String source) {
    if (number == LAST) {
      return columns.size() - 1;
    }
    int byName = name == null ? -1 : columns.indexOf(name);
    if (byName >= 0) {
      return byName;
    }
    if (number >= 1 && number <= columns.size()) {
      return number - 1;
    }
    if (number >= 1) {
      throw DataException.inFile(source, "target column number " + number
          + " does not exist; the file has " + columns.size() + " columns");
    }
    throw DataException.inFile(source, "no column named '" + name
        + "' for the target; the columns are "
        + CsvSchema.listed(columns));
  }

  /** @return whether the other object refers to a column the same way */
  @Override
  public boolean equals(Object other) {
    return other instanceof TargetColumn that
        && Objects.equals(name, that.name) && number == that.number;
  }

  /** @return a hash consistent with {@link #equals(Object)} */
  @Override
  public int hashCode() {
    return Objects.hash(name, number);
  }

  /** @return the reference as a user would write it */
  @Override
  public String toString() {
    if (number == LAST) {
      return "the last column";
    }
    return name != null ? "'" + name + "'" : "column " + number;
  }
}
