package dev.backprop.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.data.DataException;
import dev.backprop.data.IdxReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * The IDX reader on any bytes, raw or gzip, as an image file and as the label file of six valid
 * images: a data set, or a {@link DataException} naming the file.
 */
class IdxFuzzTest {
  private static final FuzzedReader IDX = new FuzzedReader("IDX", "input-idx-ubyte", DataException.class);
  private static final Path SIX_IMAGES = SeedFiles.sixImages();
  private static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  @FuzzTest(maxDuration = "30s")
  void idxFileReadsOrIsRefusedNamingTheFile(byte[] input) {
    IDX.check(input,
        IdxReader::readImages,
        file -> IdxReader.read(SIX_IMAGES, file, CLASSES));
  }

  @AfterAll
  static void report() throws IOException {
    IDX.report();
  }
}
