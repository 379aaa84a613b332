package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CellsTest {
  private static final String[] SIGNS = {"", "-", "+"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void finiteCellValuesAreBitForBitWhatFloatParseFloatGivesAndOthersAreNaN(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      String text = randomDecimal(random);
      float parsed = Float.parseFloat(text);
      float expected = Float.isFinite(parsed) ? parsed : Float.NaN;
      assertThat(Float.floatToRawIntBits(Cells.value(text)))
          .as(text)
          .isEqualTo(Float.floatToRawIntBits(expected));
    }
  }

  private static String randomDecimal(SplittableRandom random) {
    StringBuilder text = new StringBuilder(SIGNS[random.nextInt(SIGNS.length)]);
    int integerDigits = random.nextInt(9);
    int fractionDigits = integerDigits == 0 ? 1 + random.nextInt(9) : random.nextInt(9);
    for (int d = 0; d < integerDigits; d++) {
      text.append((char) ('0' + random.nextInt(10)));
    }
    if (fractionDigits > 0 || random.nextBoolean()) {
      text.append('.');
    }
    for (int d = 0; d < fractionDigits; d++) {
      text.append((char) ('0' + random.nextInt(10)));
    }
    if (random.nextInt(5) == 0) {
      text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(-40, 40));
    }
    return text.toString();
  }

  @Test
  void specialCellsAreClassified() {
    assertThat(Cells.value("-0")).isEqualTo(-0.0f);
    assertThat(Cells.value(".5")).isEqualTo(0.5f);
    assertThat(Cells.value("5.")).isEqualTo(5f);
    assertThat(Cells.value("1e3")).isEqualTo(1000f);
    for (String text : new String[] {"", ".", "-", "+.", "1e", "1e+", "0x10", "1f", "1d", "1,5", "--1", "1.2.3"}) {
      assertThat(Cells.value(text)).as(text).isNaN();
    }
    assertThat(Cells.kind("NA")).isEqualTo(Cells.Kind.MISSING);
    assertThat(Cells.kind("nan")).isEqualTo(Cells.Kind.MISSING);
    assertThat(Cells.kind("?")).isEqualTo(Cells.Kind.MISSING);
    assertThat(Cells.kind("-Inf")).isEqualTo(Cells.Kind.NOT_FINITE);
    assertThat(Cells.kind("3.4e38")).isEqualTo(Cells.Kind.NUMBER);
    assertThat(Cells.kind("3.5e38")).isEqualTo(Cells.Kind.NOT_FINITE);
    assertThat(Cells.kind("abc")).isEqualTo(Cells.Kind.TEXT);
  }
}
