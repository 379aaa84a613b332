package dev.backprop.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NiceScaleTest {

    @ParameterizedTest
    @CsvSource({
        "0.3, 0.5", "0.12, 0.2", "0.2, 0.2", "0.021, 0.05", "7, 10", "1, 1", "1.5, 2", "450, 500", "0.0004, 0.0005"
    })
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen(double rough, double nice) {
        assertThat(NiceScale.niceStep(rough)).isCloseTo(nice, within(nice * 1e-12));
    }

    @Test
    void accuracyCurveGetsTicksEveryTenth() {
        NiceScale scale = NiceScale.covering(0.62, 0.97, 6);

        assertThat(scale.step()).isCloseTo(0.1, within(1e-12));
        assertThat(scale.low()).isCloseTo(0.6, within(1e-12));
        assertThat(scale.high()).isCloseTo(1.0, within(1e-12));
        assertThat(scale.ticks()).hasSize(5);
    }

    @Test
    void rangeEndingOnATickDoesNotGetAnExtraTick() {
        NiceScale scale = NiceScale.covering(0.3, 0.9, 4);

        assertThat(scale.low()).isCloseTo(0.2, within(1e-12));
        assertThat(scale.high()).isCloseTo(1.0, within(1e-12));
        assertThat(NiceScale.covering(0.3, 0.7, 5).low()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void constantValuesAreWidenedAroundTheValue() {
        NiceScale zero = NiceScale.covering(0, 0, 6);
        assertThat(zero.low()).isEqualTo(-1);
        assertThat(zero.high()).isEqualTo(1);
        NiceScale ten = NiceScale.covering(10, 10, 6);
        assertThat(ten.fraction(10)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void epochAxesUseWholeStepsWithinTheRun() {
        assertThat(NiceScale.wholeNumbers(1, 3, 8).ticks()).containsExactly(1.0, 2.0, 3.0);
        assertThat(NiceScale.wholeNumbers(1, 25, 8).ticks()).containsExactly(5.0, 10.0, 15.0, 20.0, 25.0);
        NiceScale one = NiceScale.wholeNumbers(1, 1, 8);
        assertThat(one.ticks()).containsExactly(1.0);
        assertThat(one.fraction(1)).isEqualTo(0.5);
    }

    @Test
    void rangesMustBeFiniteAndOrdered() {
        assertThatThrownBy(() -> NiceScale.covering(1, Double.NaN, 6))
                .hasMessage("axis range must be finite and ordered, got [1.0, NaN]");
        assertThatThrownBy(() -> NiceScale.covering(2, 1, 6))
                .hasMessage("axis range must be finite and ordered, got [2.0, 1.0]");
    }

    static Stream<Arguments> randomRanges() {
        SplittableRandom random = new SplittableRandom(2024);
        return Stream.generate(() -> {
            double magnitude = Math.pow(10, random.nextInt(-6, 7));
            double a = random.nextDouble(-1, 1) * magnitude;
            double b = a + random.nextDouble() * magnitude;
            return Arguments.of(a, b);
        }).limit(200);
    }

    @ParameterizedTest
    @MethodSource("randomRanges")
    void anyRangeIsCoveredByAFewEvenlySpacedTicks(double min, double max) {
        NiceScale scale = NiceScale.covering(min, max, 6);

        assertThat(scale.low()).isLessThanOrEqualTo(min);
        assertThat(scale.high()).isGreaterThanOrEqualTo(max);
        assertThat(scale.ticks()).hasSizeBetween(2, 12);
        assertThat(scale.ticks().get(0)).isEqualTo(scale.low());
        assertThat(scale.ticks().get(scale.ticks().size() - 1)).isCloseTo(scale.high(), within(scale.step() * 1e-6));
        for (int i = 1; i < scale.ticks().size(); i++) {
            assertThat(scale.ticks().get(i) - scale.ticks().get(i - 1))
                    .isCloseTo(scale.step(), within(scale.step() * 1e-6));
        }
    }
}
