package dev.backprop.data;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DataSources} loaded from one specification.
 *
 * @param data the rows (for an IDX directory, its training files)
 * @param test the test rows that came with the data (the t10k files of an IDX directory), if any
 * @param schema for a CSV file, the schema that encodes later CSV files the same way
 */
public record LoadedData(Dataset data, Optional<Dataset> test, Optional<CsvSchema> schema) {
  /** Checks that nothing is null. */
  public LoadedData {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(schema, "schema");
  }
}
