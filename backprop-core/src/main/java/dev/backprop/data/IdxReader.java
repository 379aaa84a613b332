package dev.backprop.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST, raw or gzip-compressed (detected by the magic
 * bytes 1f 8b): image files (magic 0x00000803: count × rows × columns unsigned bytes) and label
 * files (magic 0x00000801: count unsigned bytes). Pixels are scaled to [0, 1] by x / 255 and
 * flattened row by row into features {@code pixel0 … pixel(rows·columns − 1)}.
 *
 * <p>Headers are validated before anything is allocated: magic number, data type, dimensions
 * (a header claiming more than 2^31 − 9 elements is refused), and that the file holds exactly the
 * bytes its header claims. Every problem is a {@link DataException} naming the file.
 */
public final class IdxReader {
  /** The Fashion-MNIST class names, in label order 0–9. */
  public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser",
      "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  private static final String[] STANDARD_FILES = {"train-images-idx3-ubyte",
      "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

  private IdxReader() {}

  /**
   * Reads a directory holding the four standard files, each raw or with {@code .gz} (raw wins
   * when both exist). Class names are {@link #FASHION_MNIST_CLASSES} when the directory's name
   * contains "fashion" (any case), otherwise the label numbers "0", "1", ….
   *
   * @param directory the directory
   * @return the train files as {@link DatasetSplit#train()}, the t10k files as the holdout
   * @throws DataException when a file is missing or invalid, or the parts do not match
   */
  public static DatasetSplit readDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw DataException.inFile(directory.toString(), "is not a directory holding IDX files");
    }
    Path[] files = new Path[STANDARD_FILES.length];
    for (int i = 0; i < files.length; i++) {
      files[i] = standardFile(directory, STANDARD_FILES[i]);
    }
    IdxFile trainImages = IdxFile.read(ByteSource.of(files[0]), IdxFile.IMAGES);
    int[] trainLabels = labels(files[1], trainImages);
    IdxFile testImages = IdxFile.read(ByteSource.of(files[2]), IdxFile.IMAGES);
    int[] testLabels = labels(files[3], testImages);
    if (trainImages.dimensions[1] != testImages.dimensions[1]
        || trainImages.dimensions[2] != testImages.dimensions[2]) {
      throw DataException.inFile(testImages.source, "holds images of " + imageSize(testImages)
          + " pixels but " + trainImages.source + " holds " + imageSize(trainImages));
    }
    Path name = directory.toAbsolutePath().normalize().getFileName();
    boolean fashion = name != null && name.toString().toLowerCase(Locale.ROOT).contains("fashion");
    List<String> classNames = fashion ? FASHION_MNIST_CLASSES
        : numberedClasses(Math.max(max(trainLabels), max(testLabels)) + 1);
    return new DatasetSplit(
        dataset(trainImages, trainLabels, classNames, files[1]),
        dataset(testImages, testLabels, classNames, files[3]));
  }

  /**
   * Reads an image file and its label file.
   *
   * @param images the image file (magic 0x00000803)
   * @param labels the label file (magic 0x00000801), one label per image
   * @param classNames the class names, one per label value
   * @return the labelled images
   * @throws DataException when a file is invalid, the counts differ, or a label has no class name
   */
  public static Dataset read(Path images, Path labels, List<String> classNames) {
    IdxFile imageFile = IdxFile.read(ByteSource.of(images), IdxFile.IMAGES);
    return dataset(imageFile, labels(labels, imageFile), List.copyOf(classNames), labels);
  }

  /**
   * Reads an image file without labels, such as input to prediction.
   *
   * @param images the image file (magic 0x00000803)
   * @return the images, without a target
   * @throws DataException when the file is invalid
   */
  public static Dataset readImages(Path images) {
    return readImages(ByteSource.of(images));
  }

  static Dataset readImages(ByteSource source) {
    IdxFile file = IdxFile.read(source, IdxFile.IMAGES);
    return Dataset.ofFeatures(file.source, pixelNames(file), file.toFloats(1f / 255f));
  }

  private static int[] labels(Path file, IdxFile images) {
    IdxFile labelFile = IdxFile.read(ByteSource.of(file), IdxFile.LABELS);
    if (labelFile.dimensions[0] != images.dimensions[0]) {
      throw DataException.inFile(labelFile.source, "holds " + labelFile.dimensions[0]
          + " labels but "
          + images.source + " holds " + images.dimensions[0] + " images");
    }
    return labelFile.toInts();
  }

  private static Dataset dataset(IdxFile images, int[] labels, List<String> classNames,
      Path labelFile) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= classNames.size()) {
        throw DataException.inFile(labelFile.toString(), "label " + labels[i] + " of item " + i
            + " has no class; there are " + classNames.size() + " classes");
      }
    }
    return Dataset.ofClasses(images.source, pixelNames(images), images.toFloats(1f / 255f),
        classNames, labels);
  }

  private static Path standardFile(Path directory, String name) {
    for (String candidate : new String[] {name, name + ".gz"}) {
      Path file = directory.resolve(candidate);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw DataException.inFile(directory.toString(), "has no " + name + " (or " + name
        + ".gz); an IDX directory holds " + String.join(", ", STANDARD_FILES)
        + ", each optionally .gz");
  }

  private static List<String> pixelNames(IdxFile images) {
    int pixels = images.dimensions[1] * images.dimensions[2];
    List<String> names = new ArrayList<>(pixels);
    for (int i = 0; i < pixels; i++) {
      names.add("pixel" + i);
    }
    return names;
  }

  private static List<String> numberedClasses(int count) {
    List<String> names = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      names.add(Integer.toString(k));
    }
    return names;
  }

  private static int max(int[] values) {
    int max = 0;
    for (int value : values) {
      max = Math.max(max, value);
    }
    return max;
  }

  private static String imageSize(IdxFile images) {
    return images.dimensions[1] + " × " + images.dimensions[2];
  }
}
