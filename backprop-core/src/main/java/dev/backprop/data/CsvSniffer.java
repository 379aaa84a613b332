package dev.backprop.data;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Guesses a CSV file's delimiter and whether its first record is a header, from a sample of the
 * first {@value #SAMPLE_CHARS} characters (at most {@value #SAMPLE_RECORDS} records).
 */
final class CsvSniffer {
  static final int SAMPLE_CHARS = 1 << 16;
  static final int SAMPLE_RECORDS = 100;
  /** Candidates in order of preference when several split the sample equally well. */
  static final char[] DELIMITERS = {',', ';', '\t', '|'};

  private final ByteSource source;
  private final String sample;
  private final boolean truncated;

  CsvSniffer(ByteSource source) {
    this.source = source;
    char[] chars = new char[SAMPLE_CHARS + 1];
    int length = 0;
    try (Reader in = source.openLenientText()) {
      int n;
      while (length < chars.length && (n = in.read(chars, length, chars.length - length)) >= 0) {
        length += n;
      }
    } catch (IOException e) {
      throw source.failure(e, " (in the first " + SAMPLE_CHARS + " characters)");
    }
    this.truncated = length > SAMPLE_CHARS;
    this.sample = new String(chars, 0, Math.min(length, SAMPLE_CHARS));
  }

  /**
   * The delimiter that splits every sampled record into the same number of fields, and the most
   * fields among those; if none is consistent, the one with the most common field count above 1;
   * otherwise a comma (a single-column file).
   */
  char delimiter() {
    char best = DELIMITERS[0];
    int bestWidth = 1;
    boolean bestConsistent = false;
    for (char candidate : DELIMITERS) {
      List<String[]> records = records(candidate);
      if (records == null || records.isEmpty()) {
        continue;
      }
      Map<Integer, Integer> widthCounts = new HashMap<>();
      records.forEach(r -> widthCounts.merge(r.length, 1, Integer::sum));
      boolean consistent = widthCounts.size() == 1;
      int width = widthCounts.entrySet().stream()
          .max(Map.Entry.<Integer, Integer>comparingByValue()
              .thenComparing(Map.Entry.comparingByKey()))
          .orElseThrow().getKey();
      boolean better = consistent && !bestConsistent
          || consistent == bestConsistent && width > bestWidth;
      if (width > 1 && better) {
        best = candidate;
        bestWidth = width;
        bestConsistent = consistent;
      }
    }
    return best;
  }

  /**
   * Whether the first record is a header. It is when, in some column, the first record holds
   * text while every sampled value below it is numeric. When no column is numeric below the first
   * record, it is a header when its values are all distinct text that never appear again in their
   * column. A lone record is a header when any of its values is text.
   */
  boolean hasHeader(char delimiter) {
    List<String[]> records = records(delimiter);
    if (records == null || records.isEmpty()) {
      return false;
    }
    String[] first = records.get(0);
    List<String[]> rest = records.subList(1, records.size());
    if (rest.isEmpty()) {
      return Arrays.stream(first).anyMatch(cell -> Cells.kind(cell) == Cells.Kind.TEXT);
    }
    boolean someNumericColumn = false;
    for (int j = 0; j < first.length; j++) {
      int numbers = 0;
      int texts = 0;
      for (String[] record : rest) {
        Cells.Kind kind = j < record.length ? Cells.kind(record[j]) : Cells.Kind.MISSING;
        numbers += kind == Cells.Kind.NUMBER || kind == Cells.Kind.NOT_FINITE ? 1 : 0;
        texts += kind == Cells.Kind.TEXT ? 1 : 0;
      }
      boolean numericColumn = numbers > 0 && texts == 0;
      if (numericColumn && Cells.kind(first[j]) == Cells.Kind.TEXT) {
        return true;
      }
      someNumericColumn |= numericColumn;
    }
    return !someNumericColumn && isDistinctNewText(first, rest);
  }

  private static boolean isDistinctNewText(String[] first, List<String[]> rest) {
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < first.length; j++) {
      if (Cells.kind(first[j]) != Cells.Kind.TEXT || !seen.add(first[j])) {
        return false;
      }
      for (String[] record : rest) {
        if (j < record.length && record[j].equals(first[j])) {
          return false;
        }
      }
    }
    return true;
  }

  /** The sampled records split by the delimiter, or null when the sample does not parse. */
  private List<String[]> records(char delimiter) {
    CsvTokenizer tokenizer = new CsvTokenizer(new StringReader(sample), source, delimiter);
    List<String[]> records = new ArrayList<>();
    try {
      for (String[] record; records.size() < SAMPLE_RECORDS
          && (record = tokenizer.next()) != null; ) {
        records.add(record);
      }
    } catch (DataException e) {
      // Cut off mid-field by the sample's end is expected; any other failure rules it out.
      return truncated ? records : null;
    }
    boolean cutShort = truncated && records.size() < SAMPLE_RECORDS && records.size() > 1;
    return cutShort ? records.subList(0, records.size() - 1) : records;
  }
}
