package dev.backprop.data;

import java.nio.file.Path;

/**
 * Reads CSV files (optionally gzip-compressed) into data sets. Reading a training file takes two
 * passes: the first checks every record and learns the {@link CsvSchema} (delimiter, header,
 * column roles, one-hot vocabularies, class names, means), the second encodes the rows with it.
 * Later files (validation, test, prediction input) are read with that schema, so they are encoded
 * identically; a category or class the training file did not have is an error there.
 *
 * <p>Every problem is a {@link DataException} naming the file, the line, and where it applies the
 * column's number and name and the offending value. See docs/data.md for the format details.
 */
public final class CsvReader {
  private CsvReader() {}

  /**
   * Reads a training file, learning its schema.
   *
   * @param file the CSV file
   * @param options layout, target and missing-value handling
   * @return the data set and its schema
   * @throws DataException when the file is missing, unreadable or malformed
   */
  public static CsvData read(Path file, CsvOptions options) {
    return read(ByteSource.of(file), options);
  }

  /**
   * Reads a file with the schema learned from a training file. The target column may be absent
   * (prediction input); the data set then has no target.
   *
   * @param file the CSV file
   * @param schema the training file's schema
   * @return the encoded data set
   * @throws DataException when the file is missing, unreadable, malformed, or does not fit the
   *     schema
   */
  public static Dataset read(Path file, CsvSchema schema) {
    return CsvEncoder.read(ByteSource.of(file), schema, false);
  }

  static CsvData read(ByteSource source, CsvOptions options) {
    CsvSchema schema = CsvProfiler.profile(source, options);
    return new CsvData(CsvEncoder.read(source, schema, options.target() != null), schema);
  }
}
