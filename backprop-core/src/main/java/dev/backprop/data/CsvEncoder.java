package dev.backprop.data;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a CSV file with a {@link CsvSchema}: numeric columns as they are, categorical columns
 * one-hot, the target as class indices or values. Used for the second pass over a training file
 * and for every later file, so both are encoded by the same code. A file with a header is matched
 * to the schema by column names (extra columns are skipped, the target may be absent); a file
 * without one by position.
 */
final class CsvEncoder {
  private final ByteSource source;
  private final CsvSchema schema;
  /** For each field of the file: the schema column it holds, or null for a column to skip. */
  private CsvColumn[] columnOfField;
  private int[] offsetOfField;
  private String[] nameOfField;
  private final Map<CsvColumn, Map<String, Integer>> vocabularies = new IdentityHashMap<>();
  private boolean hasTarget;
  private final int featureCount;

  private CsvEncoder(ByteSource source, CsvSchema schema) {
    this.source = source;
    this.schema = schema;
    this.featureCount = schema.featureNames().size();
    for (CsvColumn column : schema.columns()) {
      Map<String, Integer> index = new HashMap<>();
      column.categories().forEach(category -> index.put(category, index.size()));
      vocabularies.put(column, index);
    }
  }

  static Dataset read(ByteSource source, CsvSchema schema, boolean requireTarget) {
    return new CsvEncoder(source, schema).read(requireTarget);
  }

  private Dataset read(boolean requireTarget) {
    try (CsvRecords records = new CsvRecords(source, schema.delimiter(), schema.header())) {
      List<String> names = records.names();
      if (schema.header()) {
        bindByName(names, records.firstLine());
      } else {
        bindByPosition(names.size(), records.firstLine());
      }
      if (requireTarget && !hasTarget) {
        throw DataException.inFile(source.name(), "has no target column "
            + schema.target().map(CsvColumn::name).orElse("") + "; training needs it");
      }
      Rows rows = new Rows();
      for (String[] record; (record = records.next()) != null; ) {
        encode(record, records.line(), rows);
      }
      if (rows.count == 0) {
        throw records.noDataRows();
      }
      return rows.toDataset();
    }
  }

  private void bindByName(List<String> names, long line) {
    allocateBindings(names.size());
    for (CsvColumn column : schema.columns()) {
      int field = names.indexOf(column.name());
      if (field >= 0) {
        bind(field, column, names.get(field));
      } else if (column.width() > 0) {
        throw DataException.atLine(source.name(), line, "the header has no column '" + column.name()
            + "', which the training data had; the columns are " + CsvSchema.listed(names));
      }
    }
  }

  private void bindByPosition(int width, long line) {
    allocateBindings(width);
    List<CsvColumn> columns = schema.columns();
    boolean withTarget = width == columns.size();
    boolean withoutTarget = schema.target().isPresent() && width == columns.size() - 1;
    if (!withTarget && !withoutTarget) {
      String orWithout = schema.target().isPresent()
          ? " (or " + (columns.size() - 1) + " without the target)" : "";
      throw DataException.atLine(source.name(), line, "expected " + columns.size() + " fields"
          + orWithout + " as in the training data, found " + width);
    }
    int field = 0;
    for (CsvColumn column : columns) {
      if (withTarget || !column.isTarget()) {
        bind(field, column, "column" + (field + 1));
        field++;
      }
    }
  }

  private void allocateBindings(int width) {
    columnOfField = new CsvColumn[width];
    offsetOfField = new int[width];
    nameOfField = new String[width];
  }

  private void bind(int field, CsvColumn column, String name) {
    columnOfField[field] = column;
    nameOfField[field] = name;
    int offset = 0;
    for (CsvColumn earlier : schema.columns()) {
      if (earlier == column) {
        break;
      }
      offset += earlier.width();
    }
    offsetOfField[field] = offset;
    hasTarget |= column.isTarget();
  }

  private void encode(String[] record, long line, Rows rows) {
    float[] features = new float[featureCount];
    for (int field = 0; field < record.length; field++) {
      CsvColumn column = columnOfField[field];
      if (column == null) {
        continue;
      }
      String cell = record[field].strip();
      switch (column.role()) {
        case NUMERIC -> features[offsetOfField[field]] = number(cell, column, line, field);
        case CATEGORICAL -> oneHot(cell, column, line, field, features);
        case CLASS_TARGET -> rows.labels.add(classLabel(cell, column, line, field));
        case VALUE_TARGET -> rows.targets.add(new float[] {targetValue(cell, line, field)});
        case IGNORED -> { }
      }
    }
    rows.features.add(features);
    rows.count++;
  }

  private float number(String cell, CsvColumn column, long line, int field) {
    float value = Cells.value(cell);
    if (!Float.isNaN(value)) {
      return value;
    }
    Cells.Kind kind = Cells.kind(cell);
    if (kind == Cells.Kind.TEXT) {
      boolean decimalComma = !Float.isNaN(Cells.value(cell.replace(',', '.')));
      throw cellError(line, field, "expected a number, found " + quoted(cell)
          + (decimalComma ? " (write decimals with a point, not a comma)" : ""));
    }
    if (!schema.imputeMean()) {
      throw cellError(line, field, (kind == Cells.Kind.MISSING ? "missing value " + quoted(cell)
          : "value " + quoted(cell) + " is not finite")
          + "; fix the value or turn on mean imputation");
    }
    return column.mean();
  }

  private void oneHot(String cell, CsvColumn column, long line, int field, float[] features) {
    if (Cells.isMissing(cell) && schema.imputeMean()) {
      return;
    }
    if (Cells.isMissing(cell)) {
      throw cellError(line, field, "missing value " + quoted(cell)
          + "; fix the value or turn on imputation (a missing category encodes as all zeros)");
    }
    features[offsetOfField[field] + category(cell, column, line, field, "category")] = 1f;
  }

  private int classLabel(String cell, CsvColumn column, long line, int field) {
    if (Cells.isMissing(cell)) {
      throw cellError(line, field, "missing target value " + quoted(cell));
    }
    return category(cell, column, line, field, "class");
  }

  private int category(String cell, CsvColumn column, long line, int field, String what) {
    Integer index = vocabularies.get(column).get(cell);
    if (index == null) {
      throw cellError(line, field, what + " " + quoted(cell)
          + " did not occur in the training data;"
          + " known: " + CsvSchema.listed(column.categories()));
    }
    return index;
  }

  private float targetValue(String cell, long line, int field) {
    float value = Cells.value(cell);
    if (Float.isNaN(value)) {
      throw cellError(line, field, switch (Cells.kind(cell)) {
        case MISSING -> "missing target value " + quoted(cell);
        case NOT_FINITE -> "target value " + quoted(cell) + " is not finite";
        default -> "expected a number for the regression target, found " + quoted(cell);
      });
    }
    return value;
  }

  private DataException cellError(long line, int field, String detail) {
    return DataException.atCell(source.name(), line, field + 1, nameOfField[field], detail);
  }

  private static String quoted(String cell) {
    if (cell.isEmpty()) {
      return "(empty)";
    }
    return "\"" + (cell.length() > 40 ? cell.substring(0, 40) + "…" : cell) + "\"";
  }

  /** The encoded rows so far. */
  private final class Rows {
    final FloatList features = new FloatList(source.name());
    final IntList labels = new IntList(source.name());
    final FloatList targets = new FloatList(source.name());
    int count;

    Dataset toDataset() {
      List<String> names = schema.featureNames();
      CsvColumn target = hasTarget ? schema.target().orElseThrow() : null;
      if (target == null) {
        return Dataset.ofFeatures(source.name(), names, features.toArray());
      }
      if (target.role() == CsvColumn.Role.CLASS_TARGET) {
        return Dataset.ofClasses(source.name(), names, features.toArray(), target.categories(),
            labels.toArray());
      }
      return Dataset.ofValues(source.name(), names, features.toArray(), List.of(target.name()),
          targets.toArray());
    }
  }
}
