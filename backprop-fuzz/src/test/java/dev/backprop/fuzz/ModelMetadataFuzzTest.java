package dev.backprop.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.io.Json;
import dev.backprop.io.JsonException;
import dev.backprop.io.ModelFormatException;
import dev.backprop.io.SafetensorsDtype;
import dev.backprop.io.SafetensorsFile;
import dev.backprop.io.SafetensorsWriter;
import dev.backprop.model.SavedModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

/**
 * Model files and checkpoints whose container is sound (a valid checksum) but whose metadata
 * documents (architecture, task, preprocessing, provenance, training state) were changed in one to
 * three places, JSON-aware: every such file loads and is usable, or is refused with a {@link
 * ModelFormatException} naming the file. Byte-level fuzzing rarely gets here, as the checksum
 * refuses almost every mutated byte.
 */
class ModelMetadataFuzzTest {
  private static final FuzzedReader METADATA =
      new FuzzedReader("model metadata", "input.bpm", ModelFormatException.class);
  private static final List<SafetensorsFile> SEEDS = seeds();

  private static List<SafetensorsFile> seeds() {
    List<SafetensorsFile> seeds = new ArrayList<>();
    for (String test : List.of("ModelFileFuzzTest", "CheckpointFuzzTest")) {
      try (Stream<Path> files = Files.walk(SeedFiles.RESOURCES.resolve(test + "Inputs"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".bpm")).sorted().toList()) {
          seeds.add(SafetensorsFile.read(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return seeds;
  }

  @FuzzTest(maxDuration = "30s")
  void modelWithChangedMetadataLoadsAndIsUsableOrIsRefusedNamingTheFile(FuzzedDataProvider data) {
    SafetensorsFile seed = SEEDS.get(data.consumeInt(0, SEEDS.size() - 1));
    List<String> keys = new ArrayList<>(seed.metadata().keySet());
    String key = keys.get(data.consumeInt(0, keys.size() - 1));
    String value = seed.metadata().get(key);
    for (int changes = data.consumeInt(1, 3); changes > 0; changes--) {
      value = change(value, data);
    }
    METADATA.check(rewritten(seed, key, value), file -> Usable.check(SavedModel.load(file)));
  }

  private static String change(String value, FuzzedDataProvider data) {
    try {
      Json.parse(value);
      return MetadataMutation.apply(value, data);
    } catch (JsonException notJson) {
      return data.consumeString(20);
    }
  }

  /** The seed's tensors and metadata with one value replaced, checksummed anew. */
  private static byte[] rewritten(SafetensorsFile seed, String key, String value) {
    SafetensorsWriter writer = new SafetensorsWriter();
    for (String name : seed.names()) {
      if (seed.dtype(name) == SafetensorsDtype.F32) {
        writer.add(name, seed.floats(name), seed.shape(name));
      } else {
        writer.add(name, seed.doubles(name), seed.shape(name));
      }
    }
    seed.metadata().forEach((k, v) -> writer.metadata(k, k.equals(key) ? value : v));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @AfterAll
  static void report() throws IOException {
    METADATA.report();
  }
}
