package dev.backprop.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields, following RFC 4180: a field may be quoted, a quoted
 * field may hold delimiters, line breaks and doubled quotes ({@code ""} for one {@code "}); records
 * end at LF, CRLF or CR. Lenient where files in the wild need it: spaces around fields and around
 * quoted fields are dropped (quoted content is kept exactly), a quote inside an unquoted field is
 * an ordinary character, blank lines are skipped, and a leading byte-order mark is ignored.
 */
final class CsvTokenizer {
  /** A longer field is refused: it is almost always an unclosed quote swallowing the file. */
  static final int MAX_FIELD_CHARS = 1 << 20;
  /** A record with more fields than this is refused before it can exhaust memory. */
  static final int MAX_FIELDS = 1 << 20;

  private static final int EOF = -1;
  private static final int NONE = -2;

  private final Reader in;
  private final ByteSource source;
  private final char delimiter;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int pushedBack = NONE;
  private long line = 1;
  private long recordLine;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();

  CsvTokenizer(Reader in, ByteSource source, char delimiter) {
    this.in = in;
    this.source = source;
    this.delimiter = delimiter;
  }

  /** The line on which the record last returned by {@link #next()} starts. */
  long recordLine() {
    return recordLine;
  }

  /** The next record, or null at the end of the input. */
  String[] next() {
    while (true) {
      int c = read();
      while (c == '\n' || c == '\r') {
        endLine(c);
        c = read();
      }
      if (c == EOF) {
        return null;
      }
      if (line == 1 && c == '\uFEFF') {
        c = read();
      }
      recordLine = line;
      fields.clear();
      boolean quoted = readRecord(c);
      if (fields.size() > 1 || quoted || !fields.get(0).isEmpty()) {
        return fields.toArray(new String[0]);
      }
    }
  }

  /** Reads fields up to the end of the record; returns whether the last field was quoted. */
  private boolean readRecord(int first) {
    int c = first;
    while (true) {
      while (c == ' ' || (c == '\t' && delimiter != '\t')) {
        c = read();
      }
      boolean quoted = c == '"';
      c = quoted ? readQuoted() : readUnquoted(c);
      if (fields.size() > MAX_FIELDS) {
        throw DataException.atLine(source.name(), recordLine,
            "more than " + MAX_FIELDS + " fields in one record");
      }
      if (c != delimiter) {
        if (c != EOF) {
          endLine(c);
        }
        return quoted;
      }
      c = read();
    }
  }

  private int readUnquoted(int first) {
    field.setLength(0);
    int c = first;
    if (!endsField(c)) {
      // c is buffer[position - 1]; most fields end inside the buffer and need no copying.
      int start = position - 1;
      int end = position;
      while (end < limit && !endsField(buffer[end])) {
        end++;
      }
      if (end < limit) {
        position = end + 1;
        fields.add(new String(buffer, start, trimmedLength(buffer, start, end)));
        return buffer[end];
      }
      field.append(buffer, start, end - start);
      position = limit;
      c = read();
    }
    while (!endsField(c)) {
      append(c);
      c = read();
    }
    char[] chars = field.toString().toCharArray();
    fields.add(new String(chars, 0, trimmedLength(chars, 0, chars.length)));
    return c;
  }

  private boolean endsField(int c) {
    return c == EOF || c == delimiter || c == '\n' || c == '\r';
  }

  /** The length of chars[start, end) without trailing spaces and tabs. */
  private static int trimmedLength(char[] chars, int start, int end) {
    while (end > start && (chars[end - 1] == ' ' || chars[end - 1] == '\t')) {
      end--;
    }
    return end - start;
  }

  private int readQuoted() {
    field.setLength(0);
    long openedOn = line;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw DataException.atLine(source.name(), openedOn, "the quoted field in column "
            + (fields.size() + 1) + " that opens on this line is never closed");
      }
      if (c == '"') {
        int next = read();
        if (next != '"') {
          return closeQuoted(next);
        }
      }
      append(c);
      if (c == '\n' || (c == '\r' && peek() != '\n')) {
        line++;
      }
    }
  }

  /** Ends a quoted field whose closing quote was followed by {@code next}. */
  private int closeQuoted(int next) {
    while (next == ' ' || (next == '\t' && delimiter != '\t')) {
      next = read();
    }
    if (next == EOF || next == delimiter || next == '\n' || next == '\r') {
      fields.add(field.toString());
      return next;
    }
    throw DataException.atLine(source.name(), line, "unexpected " + describe(next)
        + " after the closing quote of column " + (fields.size() + 1)
        + "; inside a quoted field a quote is written twice (\"\")");
  }

  private void append(int c) {
    if (field.length() >= MAX_FIELD_CHARS) {
      throw DataException.atLine(source.name(), recordLine, "column " + (fields.size() + 1)
          + " holds more than " + MAX_FIELD_CHARS + " characters (an unclosed quote?)");
    }
    field.append((char) c);
  }

  private void endLine(int c) {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int peek() {
    if (pushedBack == NONE) {
      pushedBack = readFromBuffer();
    }
    return pushedBack;
  }

  private int read() {
    if (pushedBack != NONE) {
      int c = pushedBack;
      pushedBack = NONE;
      return c;
    }
    return readFromBuffer();
  }

  private int readFromBuffer() {
    if (position == limit) {
      try {
        limit = in.read(buffer, 0, buffer.length);
      } catch (CharacterCodingException e) {
        throw source.failure(e, ", line " + source.lineOfInvalidUtf8());
      } catch (IOException e) {
        throw source.failure(e, ", line " + line);
      }
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    return buffer[position++];
  }

  private static String describe(int c) {
    return c < 0x20 ? String.format("control character U+%04X", c) : "character '" + (char) c + "'";
  }
}
