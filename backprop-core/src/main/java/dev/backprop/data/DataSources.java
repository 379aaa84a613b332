package dev.backprop.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one entry point that turns a data specification, as a user writes it on a command line,
 * into data: {@code builtin:NAME[?param=value&…]} generates a set (see {@link BuiltinData}), a
 * directory is read as IDX train and test files (see {@link IdxReader#readDirectory}), and any
 * other path is read as a CSV file, gzip-compressed or not (see {@link CsvReader}).
 */
public final class DataSources {
  private DataSources() {}

  /**
   * Loads training data; a CSV file is read with the given options and its schema learned.
   *
   * @param spec {@code builtin:NAME…}, an IDX directory, or a CSV file
   * @param csvOptions how to read a CSV file
   * @return the data, its test part if it has one, and the CSV schema if it is CSV
   * @throws DataException when the specification cannot be resolved or the data is malformed
   */
  public static LoadedData load(String spec, CsvOptions csvOptions) {
    return load(spec, csvOptions, null);
  }

  /**
   * Loads data to evaluate or predict with a trained model; a CSV file is encoded with the
   * training file's schema and may lack the target column.
   *
   * @param spec {@code builtin:NAME…}, an IDX directory, or a CSV file
   * @param schema the schema of the training CSV file
   * @return the data and its test part if it has one
   * @throws DataException when the specification cannot be resolved, the data is malformed, or a
   *     CSV file does not fit the schema
   */
  public static LoadedData load(String spec, CsvSchema schema) {
    return load(spec, null, schema);
  }

  private static LoadedData load(String spec, CsvOptions csvOptions, CsvSchema schema) {
    if (spec.startsWith(BuiltinSpec.PREFIX)) {
      return new LoadedData(BuiltinData.load(spec), Optional.empty(), Optional.empty());
    }
    Path path = path(spec);
    if (Files.isDirectory(path)) {
      DatasetSplit split = IdxReader.readDirectory(path);
      return new LoadedData(split.train(), Optional.of(split.holdout()), Optional.empty());
    }
    if (schema != null) {
      return new LoadedData(CsvReader.read(path, schema), Optional.empty(), Optional.of(schema));
    }
    CsvData csv = CsvReader.read(path, csvOptions);
    return new LoadedData(csv.dataset(), Optional.empty(), Optional.of(csv.schema()));
  }

  private static Path path(String spec) {
    try {
      return Path.of(spec);
    } catch (InvalidPathException e) {
      throw DataException.inFile(spec, "is neither builtin:NAME nor a valid path ("
          + e.getReason() + ")");
    }
  }
}
