package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTokenizerTest {
  private static List<List<String>> tokenize(String text, char delimiter) {
    CsvTokenizer tokenizer =
        new CsvTokenizer(new StringReader(text), ByteSource.of("t.csv", new byte[0]), delimiter);
    List<List<String>> records = new ArrayList<>();
    for (String[] record; (record = tokenizer.next()) != null; ) {
      records.add(List.of(record));
    }
    return records;
  }

  private static List<Long> recordLines(String text) {
    CsvTokenizer tokenizer =
        new CsvTokenizer(new StringReader(text), ByteSource.of("t.csv", new byte[0]), ',');
    List<Long> lines = new ArrayList<>();
    while (tokenizer.next() != null) {
      lines.add(tokenizer.recordLine());
    }
    return lines;
  }

  @Test
  void quotedFieldsKeepDelimitersDoubledQuotesAndLineBreaks() {
    String text = "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n\"\",x,\"\"\"\"\n";
    assertThat(tokenize(text, ',')).containsExactly(
        List.of("a,b", "say \"hi\"", "two\nlines"),
        List.of("", "x", "\""));
  }

  @Test
  void crlfLoneCrAndLfAllEndRecords() {
    assertThat(tokenize("a,b\r\nc,d\re,f\ng,h", ',')).containsExactly(
        List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
  }

  @Test
  void crlfInsideQuotesIsKeptAndCountedAsOneLine() {
    String text = "\"x\r\ny\",1\r\nz,2\r\n";
    assertThat(tokenize(text, ',')).containsExactly(List.of("x\r\ny", "1"), List.of("z", "2"));
    assertThat(recordLines(text)).containsExactly(1L, 3L);
  }

  @Test
  void recordLinesCountLineBreaksInsideQuotesAndBlankLines() {
    assertThat(recordLines("a\n\n\"b\nc\nd\"\n\ne\n")).containsExactly(1L, 3L, 7L);
  }

  @Test
  void emptyFieldsAndTrailingDelimiterGiveEmptyStrings() {
    assertThat(tokenize(",a,,\n", ',')).containsExactly(List.of("", "a", "", ""));
  }

  @Test
  void spacesAroundUnquotedAndQuotedFieldsAreDroppedButQuotedContentIsKept() {
    assertThat(tokenize(" a , \" b \" ,c\n", ',')).containsExactly(List.of("a", " b ", "c"));
  }

  @Test
  void blankAndWhitespaceOnlyLinesAreSkippedButAQuotedEmptyLineIsARecord() {
    assertThat(tokenize("\n\na\n   \n\"\"\n\n", ',')).containsExactly(List.of("a"), List.of(""));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
    assertThat(tokenize("5'10\",x\n", ',')).containsExactly(List.of("5'10\"", "x"));
  }

  @Test
  void aByteOrderMarkAtTheStartIsIgnored() {
    assertThat(tokenize("\uFEFFname,age\n", ',')).containsExactly(List.of("name", "age"));
  }

  @Test
  void tabDelimiterKeepsSpacesAsTrimmableAndTabsAsSeparators() {
    assertThat(tokenize("a b\t c\t\td\n", '\t')).containsExactly(List.of("a b", "c", "", "d"));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void randomRecordsWrittenWithRfc4180QuotingReadBackUnchanged(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    char delimiter = CsvSniffer.DELIMITERS[random.nextInt(CsvSniffer.DELIMITERS.length)];
    List<List<String>> records = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < 200; r++) {
      List<String> record = new ArrayList<>();
      for (int f = 1 + random.nextInt(6); f > 0; f--) {
        record.add(randomField(random));
      }
      records.add(record);
      for (int f = 0; f < record.size(); f++) {
        text.append(f == 0 ? "" : String.valueOf(delimiter)).append(quoted(record.get(f)));
      }
      text.append(random.nextBoolean() ? "\r\n" : "\n");
    }
    assertThat(tokenize(text.toString(), delimiter)).isEqualTo(records);
  }

  /** Mostly short fields, some thousands of characters long, so records straddle buffer ends. */
  private static String randomField(SplittableRandom random) {
    String alphabet = "abc 01,;|\t\"\n\ré";
    int length = random.nextInt(10) == 0 ? random.nextInt(5000) : random.nextInt(8);
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < length; i++) {
      field.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return field.toString();
  }

  private static String quoted(String field) {
    boolean plain = !field.isEmpty() && field.chars().noneMatch(c -> ",;|\t\"\n\r".indexOf(c) >= 0)
        && !field.startsWith(" ") && !field.endsWith(" ");
    return plain ? field : "\"" + field.replace("\"", "\"\"") + "\"";
  }

  @Test
  void unquotedFieldsLongerThanTheReadBufferAreKeptWholeAndTrimmed() {
    String longField = "x".repeat(20_000);
    String text = "a," + longField + "   ,b\n" + "y".repeat(8190) + "  ,c\n";
    assertThat(tokenize(text, ',')).containsExactly(
        List.of("a", longField, "b"), List.of("y".repeat(8190), "c"));
  }

  @Test
  void anUnclosedQuoteIsReportedAtTheLineWhereItOpens() {
    assertThatThrownBy(() -> tokenize("a,b\nc,\"d\ne\nf\n", ','))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("t.csv, line 2")
        .hasMessageContaining("column 2")
        .hasMessageContaining("never closed");
  }

  @Test
  void textAfterAClosingQuoteIsReportedWithTheCharacterAndColumn() {
    assertThatThrownBy(() -> tokenize("a,b\n\"x\"y,2\n", ','))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("t.csv, line 2")
        .hasMessageContaining("character 'y' after the closing quote of column 1");
  }

  @Test
  void aFieldLongerThanTheLimitIsRefused() {
    String huge = "\"" + "x".repeat(CsvTokenizer.MAX_FIELD_CHARS + 1);
    assertThatThrownBy(() -> tokenize(huge, ','))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("more than " + CsvTokenizer.MAX_FIELD_CHARS + " characters");
  }
}
