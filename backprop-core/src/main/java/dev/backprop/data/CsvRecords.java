package dev.backprop.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV source, one pass: the first record (a file without any is refused as
 * empty), the column names it gives, and every later record checked to have as many fields.
 * Shared by the two passes over a training file and by the reading of later files.
 */
final class CsvRecords implements AutoCloseable {
  private final ByteSource source;
  private final Reader in;
  private final CsvTokenizer tokenizer;
  private final String[] first;
  private final long firstLine;
  private final boolean header;
  private boolean firstIsPending;

  CsvRecords(ByteSource source, char delimiter, boolean header) {
    this.source = source;
    this.header = header;
    this.in = source.openText();
    this.tokenizer = new CsvTokenizer(in, source, delimiter);
    try {
      first = tokenizer.next();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (first == null) {
      close();
      throw DataException.inFile(source.name(), "the file is empty; expected CSV records");
    }
    firstLine = tokenizer.recordLine();
    firstIsPending = !header;
  }

  /** The header's names, or column1, column2, … for a file without header. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < first.length; j++) {
      String name = header && !first[j].isBlank() ? first[j].strip() : "column" + (j + 1);
      int earlier = names.indexOf(name);
      if (earlier >= 0) {
        throw DataException.atLine(source.name(), firstLine, "the header names two columns '"
            + name + "' (columns " + (earlier + 1) + " and " + (j + 1)
            + "); column names must be unique");
      }
      names.add(name);
    }
    return names;
  }

  long firstLine() {
    return firstLine;
  }

  /** The next data record (the first record too, when there is no header), or null at the end. */
  String[] next() {
    if (firstIsPending) {
      firstIsPending = false;
      return first;
    }
    String[] record = tokenizer.next();
    if (record != null && record.length != first.length) {
      throw DataException.atLine(source.name(), tokenizer.recordLine(), "expected "
          + first.length + " fields, found " + record.length + " (every record needs as many"
          + " fields as " + (header ? "the header" : "the first record") + " on line "
          + firstLine + ")");
    }
    return record;
  }

  /** The line on which the record last returned by {@link #next()} starts. */
  long line() {
    return tokenizer.recordLine();
  }

  DataException noDataRows() {
    return DataException.inFile(source.name(), "has a header row but no data rows");
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw source.failure(e);
    }
  }
}
