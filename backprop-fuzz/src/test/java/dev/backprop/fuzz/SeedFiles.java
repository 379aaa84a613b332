package dev.backprop.fuzz;

import dev.backprop.data.CsvOptions;
import dev.backprop.data.CsvReader;
import dev.backprop.data.CsvSchema;
import dev.backprop.io.SafetensorsDtype;
import dev.backprop.io.SafetensorsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * The seed corpora: valid files each fuzz test starts from. The text seeds are written by hand; the
 * binary ones come from {@link #main}, run from the module folder when a format changes:
 * {@code java -cp target/test-classes:... dev.backprop.fuzz.SeedFiles src/test/resources}.
 */
final class SeedFiles {
  static final Path RESOURCES = Path.of("src/test/resources/dev/backprop/fuzz");

  private SeedFiles() {}

  /** Writes the generated seeds under {@code args[0]}/dev/backprop/fuzz. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0], "dev/backprop/fuzz");
    Path idx = corpus(root, "IdxFuzzTest", "idxFileReadsOrIsRefusedNamingTheFile");
    Files.write(idx.resolve("images-idx3-ubyte"), images(6, 4, 4));
    Files.write(idx.resolve("labels-idx1-ubyte"), labels(0, 1, 2, 3, 4, 5));
    Files.write(idx.resolve("images-idx3-ubyte.gz"), gzip(images(6, 4, 4)));
    Files.write(idx.resolve("labels-idx1-ubyte.gz"), gzip(labels(9, 8, 7, 6, 5, 4)));
    Path csv = corpus(root, "CsvFuzzTest", "csvFileReadsOrIsRefusedNamingTheFile");
    Files.write(csv.resolve("iris.csv.gz"), gzip(Files.readAllBytes(csv.resolve("iris.csv"))));
    Path safetensors = corpus(root, "SafetensorsFuzzTest", "safetensorsFileReadsOrIsRefusedNamingTheFile");
    safetensorsSeeds(safetensors);
    ModelSeeds.write(corpus(root, "ModelFileFuzzTest", "modelFileLoadsAndPredictsOrIsRefusedNamingTheFile"),
        corpus(root, "CheckpointFuzzTest", "checkpointResumesOrIsSkippedWithAWarningNamingTheFile"),
        csv.resolve("iris.csv"));
  }

  private static void safetensorsSeeds(Path folder) throws IOException {
    new SafetensorsWriter()
        .add("0.weight", new float[] {0.5f, -1.25f, 3f, Float.MIN_VALUE, -0f, 7f}, 2, 3)
        .add("0.bias", new double[] {0.1, -0.2}, 2)
        .add("step", new long[] {12})
        .add("labels", new int[] {3, 1, 4}, 3)
        .metadata("backprop.architecture", "{\"type\":\"Dense\",\"in\":3,\"out\":2}")
        .write(folder.resolve("checksummed.safetensors"));
    new SafetensorsWriter()
        .add("w", new float[] {1, 2, 3, 4}, 2, 2)
        .metadata("k", "v")
        .withoutChecksum()
        .write(folder.resolve("plain.safetensors"));
    new SafetensorsWriter()
        .add("empty", new float[0], 0, 4)
        .add("scalar", new double[] {Math.PI})
        .add("half", SafetensorsDtype.F16, new byte[] {0, 0x3c}, 1)
        .add("é ☃", new int[] {7}, 1, 1)
        .write(folder.resolve("odd-shapes.safetensors"));
  }

  private static Path corpus(Path root, String test, String method) throws IOException {
    return Files.createDirectories(root.resolve(test + "Inputs").resolve(method));
  }

  /** An IDX image file of {@code count} images of rows × columns pixels, pixel values i mod 256. */
  static byte[] images(int count, int rows, int columns) {
    ByteBuffer b = ByteBuffer.allocate(16 + count * rows * columns);
    b.putInt(0x00000803).putInt(count).putInt(rows).putInt(columns);
    for (int i = 0; i < count * rows * columns; i++) {
      b.put((byte) (i * 37));
    }
    return b.array();
  }

  /** An IDX label file of the given labels. */
  static byte[] labels(int... labels) {
    ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
    b.putInt(0x00000801).putInt(labels.length);
    for (int label : labels) {
      b.put((byte) label);
    }
    return b.array();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The schema learned from the iris seed, for reading fuzzed files as later files of a run. */
  static CsvSchema irisSchema() {
    return CsvReader.read(RESOURCES.resolve("CsvFuzzTestInputs/csvFileReadsOrIsRefusedNamingTheFile/iris.csv"),
        CsvOptions.defaults()).schema();
  }

  /** A valid file of six 4 × 4 images, for pairing with fuzzed label files. */
  static Path sixImages() {
    try {
      Path file = Files.createTempFile("six-images-", "-idx3-ubyte");
      file.toFile().deleteOnExit();
      return Files.write(file, images(6, 4, 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
