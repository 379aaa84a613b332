package dev.backprop.data;

import java.util.Objects;
import java.util.Set;

/**
 * How to read a CSV file for training: its layout, which column is the target, and what to do
 * with missing values. Start from {@link #defaults()} and change what you need:
 * {@code CsvOptions.defaults().withTarget("species").withImputeMean()}.
 *
 * @param delimiter the field separator, or {@link #DETECT} to choose among comma, semicolon, tab
 *     and bar from the first records
 * @param header whether the first record names the columns
 * @param target the target column, or null for data without a target
 * @param task the target's task, or null to infer it (see {@link Task#infer(float[])})
 * @param imputeMean whether missing or non-finite values in numeric columns are replaced by the
 *     training mean (and missing categories by an all-zero one-hot row) instead of being an error
 * @param categoricalColumns names of columns to one-hot encode even though they hold numbers
 * @param ignoredColumns names of columns to leave out, such as row identifiers
 * @param maxCategories the most distinct values a categorical column may have; more is refused
 *     as it usually means an identifier or free text
 */
public record CsvOptions(
    char delimiter,
    Header header,
    TargetColumn target,
    Task task,
    boolean imputeMean,
    Set<String> categoricalColumns,
    Set<String> ignoredColumns,
    int maxCategories) {

  /** The {@link #delimiter()} value that asks for detection. */
  public static final char DETECT = '\0';

  /** Whether the first record of a file is a header. */
  public enum Header {
    /** Decide from the first records (see docs/data.md for the rule). */
    DETECT,
    /** The first record names the columns. */
    PRESENT,
    /** Every record is data; columns are named column1, column2, …. */
    ABSENT
  }

  /** Checks the options and copies the sets. */
  public CsvOptions {
    Objects.requireNonNull(header, "header");
    categoricalColumns = Set.copyOf(categoricalColumns);
    ignoredColumns = Set.copyOf(ignoredColumns);
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("a quote or line break cannot be the delimiter");
    }
    if (maxCategories < 1) {
      throw new IllegalArgumentException("maxCategories " + maxCategories + " must be at least 1");
    }
  }

  /**
   * @return detected delimiter and header, the last column as target, the task inferred, missing
   *     values an error, at most 100 categories per column
   */
  public static CsvOptions defaults() {
    return new CsvOptions(
        DETECT, Header.DETECT, TargetColumn.last(), null, false, Set.of(), Set.of(), 100);
  }

  /**
   * @param delimiter the field separator, or {@link #DETECT}
   * @return changed options
   */
  public CsvOptions withDelimiter(char delimiter) {
    return new CsvOptions(delimiter, header, target, task, imputeMean,
        categoricalColumns, ignoredColumns, maxCategories);
  }

  /**
   * @param header whether the first record is a header
   * @return changed options
   */
  public CsvOptions withHeader(Header header) {
    return new CsvOptions(delimiter, header, target, task, imputeMean,
        categoricalColumns, ignoredColumns, maxCategories);
  }

  /** @return options that read the first record as data */
  public CsvOptions noHeader() {
    return withHeader(Header.ABSENT);
  }

  /**
   * @param target the target column, or null for data without a target
   * @return changed options
   */
  public CsvOptions withTarget(TargetColumn target) {
    return new CsvOptions(delimiter, header, target, task, imputeMean,
        categoricalColumns, ignoredColumns, maxCategories);
  }

  /**
   * @param column a column name or 1-based number, read by {@link TargetColumn#parse}
   * @return changed options
   */
  public CsvOptions withTarget(String column) {
    return withTarget(TargetColumn.parse(column));
  }

  /** @return options for data without a target column */
  public CsvOptions withoutTarget() {
    return withTarget((TargetColumn) null);
  }

  /**
   * @param task the target's task, or null to infer it
   * @return changed options
   */
  public CsvOptions withTask(Task task) {
    return new CsvOptions(delimiter, header, target, task, imputeMean,
        categoricalColumns, ignoredColumns, maxCategories);
  }

  /** @return options that fill missing values with training means instead of refusing them */
  public CsvOptions withImputeMean() {
    return new CsvOptions(delimiter, header, target, task, true,
        categoricalColumns, ignoredColumns, maxCategories);
  }

  /**
   * @param columns names of columns to one-hot encode although they hold numbers
   * @return changed options
   */
  public CsvOptions withCategorical(String... columns) {
    return new CsvOptions(delimiter, header, target, task, imputeMean,
        Set.of(columns), ignoredColumns, maxCategories);
  }

  /**
   * @param columns names of columns to leave out
   * @return changed options
   */
  public CsvOptions ignoring(String... columns) {
    return new CsvOptions(delimiter, header, target, task, imputeMean,
        categoricalColumns, Set.of(columns), maxCategories);
  }

  /**
   * @param maxCategories the most distinct values per categorical column
   * @return changed options
   */
  public CsvOptions withMaxCategories(int maxCategories) {
    return new CsvOptions(delimiter, header, target, task, imputeMean,
        categoricalColumns, ignoredColumns, maxCategories);
  }
}
