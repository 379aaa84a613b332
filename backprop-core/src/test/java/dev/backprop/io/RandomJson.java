package dev.backprop.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Random JSON documents from a seeded generator, reaching every escape and number form. */
final class RandomJson {

    private static final String[] PIECES = {"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f",
        "\u007f", "é", "☃", "😀", "\u2028", "{", "]", ":", ","};

    private RandomJson() {
    }

    static Object value(SplittableRandom random, int depth) {
        switch (random.nextInt(depth > 5 ? 6 : 8)) {
            case 0: return null;
            case 1: return random.nextBoolean();
            case 2: return random.nextBoolean() ? random.nextLong() : (long) random.nextInt(-1000, 1000);
            case 3: return finiteDouble(random);
            case 4: case 5: return string(random);
            case 6: {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    list.add(value(random, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    map.put(string(random), value(random, depth + 1));
                }
                return map;
            }
        }
    }

    static double finiteDouble(SplittableRandom random) {
        double d = Double.longBitsToDouble(random.nextLong());
        return Double.isFinite(d) ? d : random.nextDouble();
    }

    static String string(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }
}
