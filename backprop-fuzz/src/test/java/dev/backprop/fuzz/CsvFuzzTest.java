package dev.backprop.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.data.CsvOptions;
import dev.backprop.data.CsvReader;
import dev.backprop.data.CsvSchema;
import dev.backprop.data.DataException;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;

/**
 * The CSV reader on any bytes, raw or gzip, both as a training file (learning a schema) and as a
 * file read with a training file's schema: a data set, or a {@link DataException} naming the file.
 */
class CsvFuzzTest {
  private static final FuzzedReader CSV = new FuzzedReader("CSV", "input.csv", DataException.class);
  private static final CsvSchema IRIS_SCHEMA = SeedFiles.irisSchema();

  @FuzzTest(maxDuration = "30s")
  void csvFileReadsOrIsRefusedNamingTheFile(byte[] input) {
    CSV.check(input,
        file -> CsvReader.read(file, CsvOptions.defaults()),
        file -> CsvReader.read(file, CsvOptions.defaults().withImputeMean()),
        file -> CsvReader.read(file, CsvOptions.defaults().noHeader().withMaxCategories(3)),
        file -> CsvReader.read(file, IRIS_SCHEMA));
  }

  @AfterAll
  static void report() throws IOException {
    CSV.report();
  }
}
