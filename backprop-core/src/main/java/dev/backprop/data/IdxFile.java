package dev.backprop.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The contents of one IDX file of unsigned bytes: its dimensions and its data, read in chunks.
 * The header is checked completely (magic number, data type, dimension count and sizes, and, for
 * an uncompressed file, the exact file size) before any data is read; the data is read in chunks
 * of at most {@value #CHUNK} bytes, so memory grows only with bytes that really exist.
 */
final class IdxFile {
  static final int IMAGES = 0x00000803;
  static final int LABELS = 0x00000801;
  private static final int UNSIGNED_BYTE = 0x08;
  private static final int CHUNK = 1 << 20;
  /** No deflate stream expands more than this, so a gzip file bounds what it can decompress to. */
  private static final long MAX_DEFLATE_RATIO = 1032;
  /** Each pixel becomes a named feature; a million (1024 × 1024) is far beyond IDX data sets. */
  private static final long MAX_ITEM_ELEMENTS = 1 << 20;

  final String source;
  final int[] dimensions;
  final long dataBytes;
  private final List<byte[]> chunks;

  private IdxFile(String source, int[] dimensions, long dataBytes, List<byte[]> chunks) {
    this.source = source;
    this.dimensions = dimensions;
    this.dataBytes = dataBytes;
    this.chunks = chunks;
  }

  /** Reads a file that must have the given magic number ({@link #IMAGES} or {@link #LABELS}). */
  static IdxFile read(ByteSource source, int magic) {
    boolean gzip = source.isGzip();
    long stored = source.storedSize();
    try (InputStream in = source.open()) {
      int[] dimensions = readHeader(in, source.name(), magic);
      long headerBytes = 4 + 4L * dimensions.length;
      long dataBytes = dataBytes(dimensions, source.name());
      // The bytes are held while they become 4-byte floats or ints: five bytes per element at peak.
      Memory.checkHeap(5 * dataBytes, source.name(), shape(dimensions) + " elements");
      if (!gzip && stored != headerBytes + dataBytes) {
        throw sizeMismatch(source.name(), dimensions, headerBytes, dataBytes, stored - headerBytes);
      }
      if (gzip && dataBytes > stored * MAX_DEFLATE_RATIO) {
        throw DataException.inFile(source.name(), "the header claims " + shape(dimensions) + " = "
            + dataBytes + " bytes of data, more than a gzip file of " + stored + " bytes can hold");
      }
      List<byte[]> chunks = readData(in, dataBytes);
      long found = chunks.stream().mapToLong(chunk -> chunk.length).sum();
      if (found < dataBytes || in.read() != -1) {
        long present = found < dataBytes ? found : -1;
        throw sizeMismatch(source.name(), dimensions, headerBytes, dataBytes, present);
      }
      return new IdxFile(source.name(), dimensions, dataBytes, chunks);
    } catch (IOException e) {
      throw source.failure(e);
    }
  }

  /** The data as floats, each byte b mapped to b · scale. */
  float[] toFloats(float scale) {
    float[] table = new float[256];
    for (int b = 0; b < 256; b++) {
      table[b] = b * scale;
    }
    float[] values = Memory.floats(dataBytes, source, "the data");
    int i = 0;
    for (byte[] chunk : chunks) {
      for (byte b : chunk) {
        values[i++] = table[b & 0xFF];
      }
    }
    return values;
  }

  /** The data as unsigned ints. */
  int[] toInts() {
    int[] values = new int[(int) dataBytes];
    int i = 0;
    for (byte[] chunk : chunks) {
      for (byte b : chunk) {
        values[i++] = b & 0xFF;
      }
    }
    return values;
  }

  private static int[] readHeader(InputStream in, String source, int magic) throws IOException {
    checkMagic(in.readNBytes(4), source, magic);
    int count = magic & 0xFF;
    byte[] sizes = in.readNBytes(4 * count);
    if (sizes.length < 4 * count) {
      throw DataException.inFile(source, "the file ends inside its header: expected "
          + (4 + 4 * count) + " header bytes, found " + (4 + sizes.length));
    }
    int[] dimensions = new int[count];
    long elementsPerItem = 1;
    for (int d = 0; d < count; d++) {
      long size = readInt(sizes, 4 * d) & 0xFFFFFFFFL;
      if (size == 0 || size > Memory.MAX_ARRAY) {
        throw DataException.inFile(source, "dimension " + (d + 1) + " of the header is " + size
            + "; expected 1 to " + Memory.MAX_ARRAY);
      }
      dimensions[d] = (int) size;
      elementsPerItem *= d == 0 ? 1 : size;
    }
    if (elementsPerItem > MAX_ITEM_ELEMENTS) {
      throw DataException.inFile(source, "the header claims items of " + elementsPerItem
          + " elements each, more than this reader accepts (" + MAX_ITEM_ELEMENTS + ")");
    }
    return dimensions;
  }

  private static void checkMagic(byte[] start, String source, int magic) {
    if (start.length == 0) {
      throw DataException.inFile(source, "the file is empty; expected an IDX file");
    }
    int found = start.length < 4 ? -1 : readInt(start, 0);
    if (start.length < 4 || (found & 0xFFFF0000) != 0) {
      throw DataException.inFile(source, "not an IDX file: it starts with " + hex(start)
          + ", expected " + hex(intBytes(magic)) + " (" + kind(magic) + ")");
    }
    if ((found >> 8 & 0xFF) != UNSIGNED_BYTE) {
      throw DataException.inFile(source, String.format(Locale.ROOT, "IDX data type 0x%02X is not"
          + " supported; only 0x08 (unsigned byte) is, as in MNIST", found >> 8 & 0xFF));
    }
    if (found != magic) {
      throw DataException.inFile(source, String.format(Locale.ROOT,
          "magic number 0x%08X (%s) where 0x%08X (%s) was expected", found, kind(found), magic,
          kind(magic)));
    }
  }

  private static long dataBytes(int[] dimensions, String source) {
    long product = 1;
    for (int size : dimensions) {
      product *= size;
      if (product > Memory.MAX_ARRAY) {
        throw DataException.inFile(source, "the header claims " + shape(dimensions)
            + " elements, more than this reader holds (" + Memory.MAX_ARRAY + ")");
      }
    }
    return product;
  }

  private static List<byte[]> readData(InputStream in, long dataBytes) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    for (long remaining = dataBytes; remaining > 0; ) {
      int wanted = (int) Math.min(CHUNK, remaining);
      byte[] chunk = in.readNBytes(wanted);
      chunks.add(chunk);
      remaining -= chunk.length;
      if (chunk.length < wanted) {
        break;
      }
    }
    return chunks;
  }

  /** found: the data bytes present, or -1 when there are more than the header claims. */
  private static DataException sizeMismatch(
      String source, int[] dimensions, long headerBytes, long dataBytes, long found) {
    String claim = "the header claims " + shape(dimensions) + " = " + dataBytes
        + " bytes of data after its " + headerBytes + " header bytes";
    if (found < 0) {
      return DataException.inFile(source, claim + ", but the file holds more");
    }
    String verdict = found < dataBytes ? "truncated: " : "";
    return DataException.inFile(source, verdict + claim + ", but " + found + " are there (expected "
        + (headerBytes + dataBytes) + " bytes in all, found " + (headerBytes + found) + ")");
  }

  static String shape(int[] dimensions) {
    StringBuilder text = new StringBuilder();
    for (int size : dimensions) {
      text.append(text.length() == 0 ? "" : " × ").append(size);
    }
    return text.toString();
  }

  private static String kind(int magic) {
    return switch (magic) {
      case IMAGES -> "images, 3 dimensions";
      case LABELS -> "labels, 1 dimension";
      default -> (magic & 0xFF) + " dimensions";
    };
  }

  private static int readInt(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
        | (bytes[at + 3] & 0xFF);
  }

  private static byte[] intBytes(int value) {
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8),
        (byte) value};
  }

  private static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x",
          b & 0xFF));
    }
    return text.toString();
  }
}
