package dev.backprop.data;

import static dev.backprop.data.CsvErrorsTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
  private static final List<String> THREE_CLASSES = List.of("zero", "one", "two");

  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void imagesAndLabelsRoundTripRawAndGzipped(boolean gzip) throws IOException {
    byte[] images = IdxFixtures.images(5, 3, 2);
    byte[] labels = IdxFixtures.labels(2, 0, 1, 1, 0);
    Path imageFile = write("img", gzip ? IdxFixtures.gzip(images) : images);
    Path labelFile = write("lbl", gzip ? IdxFixtures.gzip(labels) : labels);
    Dataset data = IdxReader.read(imageFile, labelFile, THREE_CLASSES);
    assertThat(data.size()).isEqualTo(5);
    assertThat(data.featureCount()).isEqualTo(6);
    assertThat(data.featureNames()).containsExactly("pixel0", "pixel1", "pixel2", "pixel3", "pixel4", "pixel5");
    assertThat(data.labels()).containsExactly(2, 0, 1, 1, 0);
    assertThat(data.classNames()).isEqualTo(THREE_CLASSES);
    for (int i = 0; i < 5; i++) {
      for (int p = 0; p < 6; p++) {
        assertThat(data.feature(i, p)).isCloseTo(IdxFixtures.pixel(i, p) / 255f, within(1e-7f));
      }
    }
  }

  @Test
  void pixelsAreScaledToTheUnitInterval() throws IOException {
    byte[] images = IdxFixtures.idx(0x803, new int[] {1, 1, 3}, new byte[] {0, (byte) 255, (byte) 128});
    Dataset data = IdxReader.readImages(write("img", images));
    assertThat(data.features()).containsExactly(0f, 1f, 128f / 255f);
    assertThat(data.task()).isEmpty();
  }

  @Test
  void aWrongMagicNumberIsReportedWithTheBytesFoundAndExpected() throws IOException {
    byte[] bytes = IdxFixtures.images(2, 2, 2);
    bytes[0] = 0x50;
    bytes[1] = 0x4b;
    Path file = write("img", bytes);
    assertThat(message(() -> IdxReader.readImages(file)))
        .isEqualTo(file + ": not an IDX file: it starts with 50 4b 08 03, expected 00 00 08 03 (images, 3 dimensions)");
  }

  @Test
  void aLabelFileWhereImagesBelongIsNamedAsSuch() throws IOException {
    Path file = write("img", IdxFixtures.labels(1, 2));
    assertThat(message(() -> IdxReader.readImages(file)))
        .isEqualTo(file + ": magic number 0x00000801 (labels, 1 dimension) where 0x00000803"
            + " (images, 3 dimensions) was expected");
  }

  @Test
  void aDataTypeOtherThanUnsignedByteIsRefused() throws IOException {
    Path file = write("img", IdxFixtures.idx(0x00000D03, new int[] {1, 1, 1}, new byte[4]));
    assertThat(message(() -> IdxReader.readImages(file)))
        .isEqualTo(file + ": IDX data type 0x0D is not supported; only 0x08 (unsigned byte) is, as in MNIST");
  }

  @Test
  void aTruncatedRawFileNamesExpectedAndFoundByteCounts() throws IOException {
    byte[] full = IdxFixtures.images(4, 2, 2);
    Path file = write("img", Arrays.copyOf(full, full.length - 5));
    assertThat(message(() -> IdxReader.readImages(file)))
        .isEqualTo(file + ": truncated: the header claims 4 × 2 × 2 = 16 bytes of data after its 16 header bytes,"
            + " but 11 are there (expected 32 bytes in all, found 27)");
  }

  @Test
  void aTruncatedGzipFileNamesExpectedAndFoundByteCounts() throws IOException {
    byte[] full = IdxFixtures.images(4, 2, 2);
    Path file = write("img.gz", IdxFixtures.gzip(Arrays.copyOf(full, full.length - 5)));
    assertThat(message(() -> IdxReader.readImages(file)))
        .isEqualTo(file + ": truncated: the header claims 4 × 2 × 2 = 16 bytes of data after its 16 header bytes,"
            + " but 11 are there (expected 32 bytes in all, found 27)");
  }

  @Test
  void aGzipFileCutMidStreamIsReportedAsTruncated() throws IOException {
    byte[] compressed = IdxFixtures.gzip(IdxFixtures.images(50, 8, 8));
    Path file = write("img.gz", Arrays.copyOf(compressed, compressed.length / 2));
    assertThat(message(() -> IdxReader.readImages(file)))
        .startsWith(file + ": ")
        .contains("truncated");
  }

  @Test
  void trailingBytesBeyondTheHeaderClaimAreRefused() throws IOException {
    byte[] full = IdxFixtures.images(1, 2, 2);
    Path raw = write("img", Arrays.copyOf(full, full.length + 3));
    assertThat(message(() -> IdxReader.readImages(raw)))
        .isEqualTo(raw + ": the header claims 1 × 2 × 2 = 4 bytes of data after its 16 header bytes,"
            + " but 7 are there (expected 20 bytes in all, found 23)");
    Path gz = write("img.gz", IdxFixtures.gzip(Arrays.copyOf(full, full.length + 3)));
    assertThat(message(() -> IdxReader.readImages(gz)))
        .isEqualTo(gz + ": the header claims 1 × 2 × 2 = 4 bytes of data after its 16 header bytes,"
            + " but the file holds more");
  }

  @Test
  void aHeaderClaimingTwoToTheFortyElementsIsRefusedBeforeAllocating() throws IOException {
    Path file = write("img", IdxFixtures.idx(0x803, new int[] {1 << 20, 1024, 1024}, new byte[0]));
    assertThat(message(() -> IdxReader.readImages(file)))
        .isEqualTo(file + ": the header claims 1048576 × 1024 × 1024 elements, more than this reader holds"
            + " (2147483639)");
  }

  @Test
  void absurdDimensionsAreRefused() throws IOException {
    Path zero = write("zero", IdxFixtures.idx(0x803, new int[] {0, 28, 28}, new byte[0]));
    assertThat(message(() -> IdxReader.readImages(zero)))
        .isEqualTo(zero + ": dimension 1 of the header is 0; expected 1 to 2147483639");
    Path negative = write("negative", IdxFixtures.idx(0x803, new int[] {1, -1, 28}, new byte[0]));
    assertThat(message(() -> IdxReader.readImages(negative)))
        .isEqualTo(negative + ": dimension 2 of the header is 4294967295; expected 1 to 2147483639");
    Path huge = write("huge", IdxFixtures.idx(0x803, new int[] {1, 4096, 4096}, new byte[0]));
    assertThat(message(() -> IdxReader.readImages(huge)))
        .isEqualTo(huge + ": the header claims items of 16777216 elements each, more than this reader accepts"
            + " (1048576)");
  }

  @Test
  void aSmallGzipFileCannotClaimMoreThanDeflateCanExpand() throws IOException {
    Path file = write("img.gz", IdxFixtures.gzip(IdxFixtures.idx(0x803, new int[] {100_000, 100, 100}, new byte[0])));
    assertThat(message(() -> IdxReader.readImages(file)))
        .startsWith(file + ": the header claims 100000 × 100 × 100 = 1000000000 bytes of data, more than a gzip file of");
  }

  @Test
  void aHeaderCutShortIsReported() throws IOException {
    Path file = write("img", Arrays.copyOf(IdxFixtures.images(1, 1, 1), 9));
    assertThat(message(() -> IdxReader.readImages(file)))
        .isEqualTo(file + ": the file ends inside its header: expected 16 header bytes, found 9");
    Path empty = write("empty", new byte[0]);
    assertThat(message(() -> IdxReader.readImages(empty))).isEqualTo(empty + ": the file is empty; expected an IDX file");
  }

  @Test
  void labelAndImageCountsMustAgree() throws IOException {
    Path images = write("img", IdxFixtures.images(3, 1, 1));
    Path labels = write("lbl", IdxFixtures.labels(0, 1));
    assertThat(message(() -> IdxReader.read(images, labels, THREE_CLASSES)))
        .isEqualTo(labels + ": holds 2 labels but " + images + " holds 3 images");
  }

  @Test
  void aLabelWithoutAClassNameIsRefused() throws IOException {
    Path images = write("img", IdxFixtures.images(2, 1, 1));
    Path labels = write("lbl", IdxFixtures.labels(0, 7));
    assertThat(message(() -> IdxReader.read(images, labels, THREE_CLASSES)))
        .isEqualTo(labels + ": label 7 of item 1 has no class; there are 3 classes");
  }

  @Test
  void aDirectoryOfTheFourStandardFilesIsATrainAndTestSplit() throws IOException {
    Path mnist = Files.createDirectory(dir.resolve("digits"));
    Files.write(mnist.resolve("train-images-idx3-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.images(4, 2, 2)));
    Files.write(mnist.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(0, 1, 2, 1));
    Files.write(mnist.resolve("t10k-images-idx3-ubyte"), IdxFixtures.images(2, 2, 2));
    Files.write(mnist.resolve("t10k-labels-idx1-ubyte.gz"), IdxFixtures.gzip(IdxFixtures.labels(4, 0)));
    DatasetSplit split = IdxReader.readDirectory(mnist);
    assertThat(split.train().size()).isEqualTo(4);
    assertThat(split.holdout().size()).isEqualTo(2);
    assertThat(split.train().classNames()).containsExactly("0", "1", "2", "3", "4");
    assertThat(split.holdout().labels()).containsExactly(4, 0);
  }

  @Test
  void aDirectoryNamedFashionGetsTheFashionMnistClassNames() throws IOException {
    Path fashion = Files.createDirectory(dir.resolve("Fashion-small"));
    Files.write(fashion.resolve("train-images-idx3-ubyte"), IdxFixtures.images(2, 2, 2));
    Files.write(fashion.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(9, 0));
    Files.write(fashion.resolve("t10k-images-idx3-ubyte"), IdxFixtures.images(1, 2, 2));
    Files.write(fashion.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.labels(3));
    DatasetSplit split = IdxReader.readDirectory(fashion);
    assertThat(split.train().classNames()).isEqualTo(IdxReader.FASHION_MNIST_CLASSES);
    assertThat(split.train().classNames().get(split.train().label(0))).isEqualTo("Ankle boot");
  }

  @Test
  void aDirectoryMissingAFileNamesIt() throws IOException {
    Path partial = Files.createDirectory(dir.resolve("partial"));
    Files.write(partial.resolve("train-images-idx3-ubyte"), IdxFixtures.images(1, 1, 1));
    assertThat(message(() -> IdxReader.readDirectory(partial)))
        .startsWith(partial + ": has no train-labels-idx1-ubyte (or train-labels-idx1-ubyte.gz)");
  }

  @Test
  void trainAndTestImagesOfDifferentSizesAreRefused() throws IOException {
    Path mixed = Files.createDirectory(dir.resolve("mixed"));
    Files.write(mixed.resolve("train-images-idx3-ubyte"), IdxFixtures.images(1, 2, 2));
    Files.write(mixed.resolve("train-labels-idx1-ubyte"), IdxFixtures.labels(0));
    Files.write(mixed.resolve("t10k-images-idx3-ubyte"), IdxFixtures.images(1, 3, 3));
    Files.write(mixed.resolve("t10k-labels-idx1-ubyte"), IdxFixtures.labels(0));
    assertThat(message(() -> IdxReader.readDirectory(mixed)))
        .isEqualTo(mixed.resolve("t10k-images-idx3-ubyte") + ": holds images of 3 × 3 pixels but "
            + mixed.resolve("train-images-idx3-ubyte") + " holds 2 × 2");
  }
}
