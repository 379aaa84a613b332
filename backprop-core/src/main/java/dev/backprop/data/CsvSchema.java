package dev.backprop.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a training CSV file learned about it, everything needed to encode later files
 * (validation, test, prediction input) exactly the same way: the layout, every column's role,
 * the one-hot vocabularies, the class names and the imputation means. Plain data, so a model file
 * can store it and rebuild it with the canonical constructor.
 *
 * @param delimiter the field separator
 * @param header whether files have a header row; with one, later files are matched by column
 *     name, without one by position
 * @param imputeMean whether missing numeric values are replaced by the column's training mean
 * @param columns every column of the training file, in file order
 */
public record CsvSchema(char delimiter, boolean header, boolean imputeMean,
    List<CsvColumn> columns) {
  /** Checks that names are distinct, there is a feature, and at most one target. */
  public CsvSchema {
    columns = List.copyOf(columns);
    Objects.requireNonNull(columns);
    if (columns.stream().filter(CsvColumn::isTarget).count() > 1) {
      throw new IllegalArgumentException("more than one target column: " + columns);
    }
    if (columns.stream().mapToInt(CsvColumn::width).sum() == 0) {
      throw new IllegalArgumentException("no feature columns: " + columns);
    }
    if (new HashSet<>(columns.stream().map(CsvColumn::name).toList()).size() != columns.size()) {
      throw new IllegalArgumentException("duplicate column names: " + columns);
    }
  }

  /** @return the encoded feature names: numeric columns by name, one-hot ones as name=category */
  public List<String> featureNames() {
    List<String> names = new ArrayList<>();
    for (CsvColumn column : columns) {
      if (column.role() == CsvColumn.Role.NUMERIC) {
        names.add(column.name());
      } else if (column.role() == CsvColumn.Role.CATEGORICAL) {
        column.categories().forEach(category -> names.add(column.name() + "=" + category));
      }
    }
    return names;
  }

  /** @return the target column, if training had one */
  public Optional<CsvColumn> target() {
    return columns.stream().filter(CsvColumn::isTarget).findFirst();
  }

  /** The names as a readable list for messages, shortened when long. */
  static String listed(List<String> names) {
    int shown = Math.min(names.size(), 20);
    String list = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? list + ", … (" + names.size() + " in all)" : list;
  }
}
