package dev.backprop.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The first pass over a training CSV file: reads every record once, checks the field counts, and
 * gathers per-column statistics from which it builds the {@link CsvSchema}. Memory stays bounded
 * by the number of columns: each column keeps counts, a sum and at most a capped set of values.
 */
final class CsvProfiler {
  /** A target with more distinct values than this cannot be a classification target. */
  static final int MAX_CLASSES = 1000;

  private final ByteSource source;
  private final CsvOptions options;

  private CsvProfiler(ByteSource source, CsvOptions options) {
    this.source = source;
    this.options = options;
  }

  static CsvSchema profile(ByteSource source, CsvOptions options) {
    return new CsvProfiler(source, options).profile();
  }

  private CsvSchema profile() {
    boolean detect = options.delimiter() == CsvOptions.DETECT
        || options.header() == CsvOptions.Header.DETECT;
    CsvSniffer sniffer = detect ? new CsvSniffer(source) : null;
    char delimiter = options.delimiter() != CsvOptions.DETECT ? options.delimiter()
        : sniffer.delimiter();
    boolean header = switch (options.header()) {
      case PRESENT -> true;
      case ABSENT -> false;
      case DETECT -> sniffer.hasHeader(delimiter)
          || (options.target() != null && options.target().needsHeader());
    };
    return profile(delimiter, header);
  }

  private CsvSchema profile(char delimiter, boolean header) {
    try (CsvRecords records = new CsvRecords(source, delimiter, header)) {
      List<String> names = records.names();
      int targetIndex =
          options.target() == null ? -1 : options.target().resolve(names, source.name());
      List<ColumnStats> stats = new ArrayList<>();
      for (int j = 0; j < names.size(); j++) {
        stats.add(new ColumnStats(j == targetIndex ? MAX_CLASSES : options.maxCategories()));
      }
      long rows = 0;
      for (String[] record; (record = records.next()) != null; rows++) {
        for (int j = 0; j < record.length; j++) {
          stats.get(j).add(record[j].strip());
        }
      }
      if (rows == 0) {
        throw records.noDataRows();
      }
      return schema(delimiter, header, names, targetIndex, stats, rows);
    }
  }

  private CsvSchema schema(
      char delimiter, boolean header, List<String> names, int targetIndex, List<ColumnStats> stats,
      long rows) {
    checkNamed("ignored", options.ignoredColumns(), names);
    checkNamed("categorical", options.categoricalColumns(), names);
    List<CsvColumn> columns = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      String name = names.get(j);
      ColumnStats column = stats.get(j);
      if (j == targetIndex) {
        if (options.ignoredColumns().contains(name)) {
          throw DataException.inFile(source.name(), "column " + (j + 1) + " (" + name
              + ") is the target, so it cannot be ignored");
        }
        columns.add(target(name, j, column, rows));
      } else if (options.ignoredColumns().contains(name)) {
        columns.add(new CsvColumn(name, CsvColumn.Role.IGNORED, List.of(), 0));
      } else {
        columns.add(feature(name, j, column));
      }
    }
    if (columns.stream().mapToInt(CsvColumn::width).sum() == 0) {
      throw DataException.inFile(source.name(), "has no feature columns; the columns are "
          + CsvSchema.listed(names) + " and the target is " + options.target());
    }
    return new CsvSchema(delimiter, header, options.imputeMean(), columns);
  }

  private CsvColumn target(String name, int index, ColumnStats column, long rows) {
    Task task = options.task();
    if (task == null) {
      task = column.texts > 0 ? Task.CLASSIFICATION
          : Task.infer(column.wholeNumbers, column.distinctCount(),
              (int) Math.min(rows, Integer.MAX_VALUE));
    }
    if (task == Task.REGRESSION) {
      return new CsvColumn(name, CsvColumn.Role.VALUE_TARGET, List.of(), 0);
    }
    if (column.overflowed) {
      throw DataException.inFile(source.name(), "the target, column " + (index + 1) + " (" + name
          + "), has more than " + MAX_CLASSES
          + " distinct values; for a real-valued target ask for regression");
    }
    if (column.distinctCount() == 0) {
      throw DataException.inFile(source.name(), "the target, column " + (index + 1) + " (" + name
          + "), has no values, only missing ones");
    }
    return new CsvColumn(name, CsvColumn.Role.CLASS_TARGET, column.sortedValues(), 0);
  }

  private CsvColumn feature(String name, int index, ColumnStats column) {
    long numeric = column.numbers + column.notFinite;
    if (numeric == 0 && column.texts == 0) {
      throw DataException.inFile(source.name(), "column " + (index + 1) + " (" + name
          + ") has no values, only missing ones; leave it out with the ignore option");
    }
    boolean categorical = options.categoricalColumns().contains(name) || column.texts > numeric;
    if (!categorical) {
      float mean = column.numbers == 0 ? 0 : (float) (column.sum / column.numbers);
      return new CsvColumn(name, CsvColumn.Role.NUMERIC, List.of(), mean);
    }
    if (column.overflowed) {
      throw DataException.inFile(source.name(), "column " + (index + 1) + " (" + name
          + ") has more than " + options.maxCategories() + " distinct values for a categorical"
          + " column (an identifier or free text?); leave it out with the ignore option or allow"
          + " more categories");
    }
    return new CsvColumn(name, CsvColumn.Role.CATEGORICAL, column.sortedValues(), 0);
  }

  private void checkNamed(String what, Set<String> wanted, List<String> names) {
    for (String name : wanted) {
      if (!names.contains(name)) {
        throw DataException.inFile(source.name(), "no column named '" + name
            + "' to treat as " + what
            + "; the columns are " + CsvSchema.listed(names));
      }
    }
  }

  /** Counts and a capped set of distinct values of one column. */
  private static final class ColumnStats {
    private final int maxDistinct;
    private final Set<String> distinct = new HashSet<>();
    private boolean overflowed;
    private boolean wholeNumbers = true;
    private long numbers;
    private long notFinite;
    private long texts;
    private double sum;

    ColumnStats(int maxDistinct) {
      this.maxDistinct = maxDistinct;
    }

    void add(String cell) {
      float value = Cells.value(cell);
      if (!Float.isNaN(value)) {
        numbers++;
        sum += value;
        wholeNumbers &= value == Math.rint(value);
      } else {
        switch (Cells.kind(cell)) {
          case MISSING -> {
            return;
          }
          case NOT_FINITE -> notFinite++;
          default -> texts++;
        }
      }
      if (!overflowed && distinct.add(cell) && distinct.size() > maxDistinct) {
        overflowed = true;
        distinct.clear();
      }
    }

    int distinctCount() {
      return overflowed ? Integer.MAX_VALUE : distinct.size();
    }

    /** Numbers in numeric order when every value is a number, otherwise text in string order. */
    List<String> sortedValues() {
      List<String> values = new ArrayList<>(distinct);
      boolean allNumbers = values.stream().noneMatch(v -> Float.isNaN(Cells.value(v)));
      Comparator<String> byNumber = Comparator.comparingDouble(Cells::value);
      values.sort(allNumbers ? byNumber.thenComparing(Comparator.naturalOrder())
          : Comparator.naturalOrder());
      return values;
    }
  }
}
