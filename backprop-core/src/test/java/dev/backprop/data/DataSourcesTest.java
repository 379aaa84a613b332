package dev.backprop.data;

import static dev.backprop.data.CsvErrorsTest.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
  @TempDir Path dir;

  @Test
  void builtinSpecificationsAreGenerated() {
    LoadedData loaded = DataSources.load("builtin:moons?n=100", CsvOptions.defaults());
    assertThat(loaded.data().size()).isEqualTo(100);
    assertThat(loaded.test()).isEmpty();
    assertThat(loaded.schema()).isEmpty();
  }

  @Test
  void aCsvPathIsReadWithItsSchemaAndLaterFilesWithThatSchema() throws IOException {
    Path train = Files.writeString(dir.resolve("train.csv"), "x,c,y\n1,red,a\n2,blue,b\n");
    LoadedData loaded = DataSources.load(train.toString(), CsvOptions.defaults());
    assertThat(loaded.schema()).isPresent();
    Path predict = Files.writeString(dir.resolve("predict.csv"), "x,c\n3,blue\n");
    LoadedData later = DataSources.load(predict.toString(), loaded.schema().orElseThrow());
    assertThat(later.data().features()).containsExactly(3, 1, 0);
    assertThat(later.data().task()).isEmpty();
  }

  @Test
  void aDirectoryIsReadAsIdxTrainAndTest() throws IOException {
    Path mnist = Files.createDirectory(dir.resolve("mnist"));
    Files.write(mnist.resolve("train-images-idx3-ubyte"), IdxFixtures.images(3, 2, 2));
    Files.write(mnist.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(0, 1, 0));
    Files.write(mnist.resolve("t10k-images-idx3-ubyte"), IdxFixtures.images(1, 2, 2));
    Files.write(mnist.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.labels(1));
    LoadedData loaded = DataSources.load(mnist.toString(), CsvOptions.defaults());
    assertThat(loaded.data().size()).isEqualTo(3);
    assertThat(loaded.test().orElseThrow().size()).isEqualTo(1);
  }

  @Test
  void aMissingPathIsReportedByName() {
    String missing = dir.resolve("absent.csv").toString();
    assertThat(message(() -> DataSources.load(missing, CsvOptions.defaults()))).isEqualTo(missing + ": no such file");
  }
}
