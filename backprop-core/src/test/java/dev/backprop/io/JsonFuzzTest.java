package dev.backprop.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded mutation fuzzing of the JSON parser: every mutated text either parses to a value that
 * survives a write/parse round trip, or throws {@link JsonException} with a position inside the
 * text. Nothing else may escape, however deep or long the input.
 */
class JsonFuzzTest {

    private static final int INPUTS_PER_SEED = 1_000;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void mutatedTextsEitherParseOrFailWithTheDocumentedException(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Mutator mutator = new Mutator(random);
        int parsed = 0;
        int refused = 0;

        for (int i = 0; i < INPUTS_PER_SEED; i++) {
            Object document = RandomJson.value(random, 0);
            String valid = random.nextBoolean() ? Json.write(document) : Json.writePretty(document);
            String text = new String(mutator.mutate(valid.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            try {
                Object value = Json.parse(text);
                assertThat(Json.parse(Json.write(value))).isEqualTo(value);
                parsed++;
            } catch (JsonException e) {
                assertThat(e.offset()).isBetween(0, text.length());
                assertThat(e.line()).isPositive();
                assertThat(e.column()).isPositive();
                refused++;
            }
        }

        System.out.printf("JSON fuzz, seed %d: %d inputs, %d parsed, %d refused with JsonException%n",
                seed, INPUTS_PER_SEED, parsed, refused);
        assertThat(parsed + refused).isEqualTo(INPUTS_PER_SEED);
        assertThat(refused).isGreaterThan(INPUTS_PER_SEED / 2);
        assertThat(parsed).isPositive();
    }
}
