package dev.backprop.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({
        "0.91234, 0.9123", "0.884, 0.8840", "12.3456, 12.35", "1, 1.000", "0, 0", "-0.5, -0.5000",
        "0.00001234, 1.234e-05", "123456.7, 123500", "2500000, 2.500e+06"
    })
    void metricsHaveFourSignificantDigits(double value, String text) {
        assertThat(Formats.metric(value)).isEqualTo(text);
    }

    @Test
    void missingAndInfiniteMetricsAreShownAsSymbols() {
        assertThat(Formats.metric(Double.NaN)).isEqualTo("\u2013");
        assertThat(Formats.metric(Double.POSITIVE_INFINITY)).isEqualTo("\u221E");
        assertThat(Formats.metric(Double.NEGATIVE_INFINITY)).isEqualTo("\u2212\u221E");
    }

    @ParameterizedTest
    @CsvSource({"0.0421, 0.042 s", "12.34, 12.3 s", "125, 2 min 05 s", "3725, 1 h 02 min", "59.97, 60.0 s"})
    void durationsReadNaturally(double seconds, String text) {
        assertThat(Formats.seconds(seconds)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({
        "0.6000000000000001, 0.2, 0.6", "0.75, 0.25, 0.75", "14, 2, 14", "5000, 1000, '5,000'",
        "-1, 0.5, \u22121.0", "0, 0.1, 0", "0.00002, 0.00001, 2.0e-05"
    })
    void tickLabelsUseTheDecimalsTheStepNeeds(double value, double step, String text) {
        assertThat(Formats.tick(value, step)).isEqualTo(text);
    }

    @Test
    void countsAndSharesAreLocaleIndependent() {
        assertThat(Formats.count(54_000)).isEqualTo("54,000");
        assertThat(Formats.percent(0.1)).isEqualTo("10.0%");
        assertThat(Formats.percent(Double.NaN)).isEqualTo("\u2013");
        assertThat(Formats.px(12.345)).isEqualTo("12.3");
    }
}
