package dev.backprop.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            Object document = randomValue(random, 0);

            assertThat(Json.parse(Json.write(document))).isEqualTo(document);
            assertThat(Json.parse(Json.writePretty(document))).isEqualTo(document);
        }
    }

    private static Object randomValue(SplittableRandom random, int depth) {
        switch (random.nextInt(depth > 5 ? 6 : 8)) {
            case 0: return null;
            case 1: return random.nextBoolean();
            case 2: return random.nextLong();
            case 3: return randomDouble(random);
            case 4: case 5: return randomString(random);
            case 6: {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                return map;
            }
        }
    }

    private static double randomDouble(SplittableRandom random) {
        double d = Double.longBitsToDouble(random.nextLong());
        return Double.isFinite(d) ? d : random.nextDouble();
    }

    /** Strings over an alphabet that hits every escape, non-ASCII and surrogate pairs. */
    private static String randomString(SplittableRandom random) {
        String[] pieces = {"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u007f", "é", "☃",
            "😀", "\u2028", "{", "]", ":", ","};
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            s.append(pieces[random.nextInt(pieces.length)]);
        }
        return s.toString();
    }
}
