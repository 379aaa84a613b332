package dev.backprop.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files byte by byte, as the format describes them. */
final class IdxFixtures {
  private IdxFixtures() {}

  static byte[] idx(int magic, int[] dimensions, byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
    buffer.putInt(magic);
    for (int size : dimensions) {
      buffer.putInt(size);
    }
    return buffer.put(data).array();
  }

  /** n images of rows × columns whose pixel p of image i is (i * 31 + p * 7) mod 256. */
  static byte[] images(int n, int rows, int columns) {
    byte[] pixels = new byte[n * rows * columns];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < rows * columns; p++) {
        pixels[i * rows * columns + p] = (byte) pixel(i, p);
      }
    }
    return idx(0x00000803, new int[] {n, rows, columns}, pixels);
  }

  static int pixel(int image, int p) {
    return (image * 31 + p * 7) % 256;
  }

  static byte[] labels(int... labels) {
    byte[] data = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      data[i] = (byte) labels[i];
    }
    return idx(0x00000801, new int[] {labels.length}, data);
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
