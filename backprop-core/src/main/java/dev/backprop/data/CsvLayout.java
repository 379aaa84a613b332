package dev.backprop.data;

import java.util.ArrayList;
import java.util.List;

/** Column names and record widths, shared by the two passes over a CSV file. */
final class CsvLayout {
  private CsvLayout() {}

  /** The header's names; an empty name becomes {@code columnN}, a repeated name is an error. */
  static List<String> headerNames(String[] header, String source, long line) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < header.length; j++) {
      String name = header[j].strip().isEmpty() ? "column" + (j + 1) : header[j].strip();
      int earlier = names.indexOf(name);
      if (earlier >= 0) {
        throw DataException.atLine(source, line, "the header names two columns '" + name
            + "' (columns " + (earlier + 1) + " and " + (j + 1) + "); column names must be unique");
      }
      names.add(name);
    }
    return names;
  }

  /** The names of a file without header: column1, column2, …. */
  static List<String> numberedNames(int count) {
    List<String> names = new ArrayList<>();
    for (int j = 1; j <= count; j++) {
      names.add("column" + j);
    }
    return names;
  }

  /** Refuses a record whose field count differs from the first record's. */
  static void checkWidth(String[] record, int expected, long line, String source,
      String reference) {
    if (record.length != expected) {
      throw DataException.atLine(source, line, "expected " + expected + " fields, found "
          + record.length + " (every record needs as many fields as " + reference + ")");
    }
  }
}
