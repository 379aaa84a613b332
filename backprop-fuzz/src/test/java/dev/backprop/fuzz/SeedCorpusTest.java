package dev.backprop.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.checkpoint.Checkpoint;
import dev.backprop.data.CsvOptions;
import dev.backprop.data.CsvReader;
import dev.backprop.data.IdxReader;
import dev.backprop.io.Json;
import dev.backprop.io.SafetensorsFile;
import dev.backprop.model.SavedModel;
import dev.backprop.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every seed is a valid file of its reader: fuzzing starts from inputs that get deep into the reader. */
class SeedCorpusTest {
  private static List<Path> seeds(String test) throws IOException {
    try (Stream<Path> files = Files.walk(SeedFiles.RESOURCES.resolve(test + "Inputs"))) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("crash-"))
          .sorted().toList();
    }
  }

  @Test
  void everyJsonSeedParses() throws IOException {
    List<Path> seeds = seeds("JsonFuzzTest");
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(4);
    for (Path seed : seeds) {
      Json.parse(Files.readString(seed));
    }
  }

  @Test
  void everySafetensorsSeedReads() throws IOException {
    List<Path> seeds = seeds("SafetensorsFuzzTest");
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(3);
    for (Path seed : seeds) {
      assertThat(SafetensorsFile.read(seed).names()).as(seed.toString()).isNotEmpty();
    }
  }

  @Test
  void everyCsvSeedReads() throws IOException {
    List<Path> seeds = seeds("CsvFuzzTest");
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(6);
    for (Path seed : seeds) {
      assertThat(CsvReader.read(seed, CsvOptions.defaults().withImputeMean()).dataset().size()).as(seed.toString()).isPositive();
    }
  }

  @Test
  void everyIdxSeedReadsAsImagesOrAsTheLabelsOfSixImages() throws IOException {
    List<Path> seeds = seeds("IdxFuzzTest");
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(4);
    List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    for (Path seed : seeds) {
      if (seed.getFileName().toString().startsWith("images")) {
        assertThat(IdxReader.readImages(seed).size()).isEqualTo(6);
      } else {
        assertThat(IdxReader.read(SeedFiles.sixImages(), seed, classes).size()).isEqualTo(6);
      }
    }
  }

  @Test
  void everyModelSeedLoadsAndPredicts() throws IOException {
    List<Path> seeds = seeds("ModelFileFuzzTest");
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(6);
    for (Path seed : seeds) {
      SavedModel model = SavedModel.load(seed);
      assertThat(model.predict(Tensor.zeros(2, model.inputs())).size(0)).isEqualTo(2);
    }
  }

  @Test
  void everyCheckpointSeedIsACheckpoint() throws IOException {
    List<Path> seeds = seeds("CheckpointFuzzTest");
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(4);
    for (Path seed : seeds) {
      assertThat(new Checkpoint(seed, SavedModel.load(seed)).epoch()).isEqualTo(2);
    }
  }
}
