package dev.backprop.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRoundTripTest {

    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1.0 / 3, 1e23, 2e-323, Math.ulp(1.0), 1.0};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyFiniteDoubleReadsBackBitForBit(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> values = new ArrayList<>();
        for (double d : SPECIAL) {
            values.add(d);
        }
        while (values.size() < 5_000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                values.add(d);
            }
        }

        List<?> back = (List<?>) Json.parse(Json.write(values));

        assertThat(back).hasSameSizeAs(values);
        for (int i = 0; i < values.size(); i++) {
            assertThat(back.get(i)).isInstanceOf(Double.class);
            assertThat(Double.doubleToRawLongBits((Double) back.get(i)))
                    .as("%s", values.get(i)).isEqualTo(Double.doubleToRawLongBits(values.get(i)));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomDocumentsReadBackEqualCompactAndPretty(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            Object document = RandomJson.value(random, 0);

            assertThat(Json.parse(Json.write(document))).isEqualTo(document);
            assertThat(Json.parse(Json.writePretty(document))).isEqualTo(document);
        }
    }
}
