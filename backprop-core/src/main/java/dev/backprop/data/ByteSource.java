package dev.backprop.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bytes of a file (or, for tests, of an array) under a display name. Opening detects gzip by
 * its magic bytes 1f 8b and decompresses transparently, and every I/O failure becomes a
 * {@link DataException} that names the source.
 */
final class ByteSource {
  private static final int BUFFER = 1 << 16;

  private final String name;
  private final Path file;
  private final byte[] bytes;

  private ByteSource(String name, Path file, byte[] bytes) {
    this.name = name;
    this.file = file;
    this.bytes = bytes;
  }

  static ByteSource of(Path file) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw DataException.inFile(name, "is a directory, expected a file");
    }
    if (!Files.exists(file)) {
      throw DataException.inFile(name, "no such file");
    }
    // A pipe or device may never end (or never open); data is read twice, so it must be a file.
    if (!Files.isRegularFile(file)) {
      throw DataException.inFile(name, "is not a regular file (a pipe or device?); expected a file");
    }
    return new ByteSource(name, file, null);
  }

  static ByteSource of(String name, byte[] bytes) {
    return new ByteSource(name, null, bytes);
  }

  String name() {
    return name;
  }

  /** The stored (possibly compressed) size in bytes. */
  long storedSize() {
    try {
      return bytes != null ? bytes.length : Files.size(file);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  boolean isGzip() {
    try (InputStream in = openStored()) {
      return startsWithGzipMagic(in);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Opens the content, decompressed when it is gzip. */
  InputStream open() {
    InputStream in = openStored();
    try {
      in.mark(2);
      boolean gzip = startsWithGzipMagic(in);
      in.reset();
      return gzip ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER) : in;
    } catch (IOException e) {
      closeQuietly(in);
      throw failure(e);
    }
  }

  private static boolean startsWithGzipMagic(InputStream in) throws IOException {
    return in.read() == 0x1f && in.read() == 0x8b;
  }

  /** Opens the content as UTF-8 text; malformed UTF-8 is reported, not replaced. */
  Reader openText() {
    return new InputStreamReader(open(), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** Opens the content as UTF-8 text with malformed bytes replaced, for guessing its layout. */
  Reader openLenientText() {
    return new InputStreamReader(open(), StandardCharsets.UTF_8);
  }

  /**
   * The line holding the first malformed UTF-8 sequence. A decoding reader fails for a whole
   * buffer at once, so after a failure the source is decoded again, counting lines as it goes.
   */
  long lineOfInvalidUtf8() {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    CharBuffer chars = CharBuffer.allocate(BUFFER);
    long line = 1;
    char previous = 0;
    try (InputStream in = open()) {
      while (true) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        bytes.position(bytes.position() + Math.max(n, 0));
        bytes.flip();
        CoderResult result = decoder.decode(bytes, chars, n < 0);
        chars.flip();
        while (chars.hasRemaining()) {
          char c = chars.get();
          line += c == '\r' || (c == '\n' && previous != '\r') ? 1 : 0;
          previous = c;
        }
        chars.clear();
        bytes.compact();
        if (result.isError() || n < 0) {
          return line;
        }
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Describes a failure while reading this source; {@code where} is "" or ", line 12". */
  DataException failure(IOException e, String where) {
    String detail;
    if (e instanceof NoSuchFileException) {
      detail = "no such file";
    } else if (e instanceof AccessDeniedException) {
      detail = "permission denied";
    } else if (e instanceof CharacterCodingException) {
      detail = "is not valid UTF-8 text (save it as UTF-8)";
    } else if (e instanceof EOFException) {
      detail = "compressed data ends early; the gzip file is truncated";
    } else if (e instanceof ZipException) {
      detail = "corrupt gzip data (" + e.getMessage() + ")";
    } else {
      detail = "cannot be read: " + e.getMessage();
    }
    return new DataException(name + where + ": " + detail, e);
  }

  DataException failure(IOException e) {
    return failure(e, "");
  }

  private InputStream openStored() {
    try {
      InputStream in = bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
      return new BufferedInputStream(in, BUFFER);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // The open already failed; that failure is the one to report.
    }
  }
}
