package dev.backprop.io;

import static dev.backprop.io.SafetensorsBytes.assertSameContent;
import static dev.backprop.io.SafetensorsBytes.toBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded mutation fuzzing of the safetensors reader: every mutated input must either read, or
 * throw {@link ModelFormatException} naming the file. Nothing else may escape (no runtime
 * exception, no OutOfMemoryError, no hang), and a checksummed input that still reads as
 * checksummed must read exactly as the original.
 */
class SafetensorsFuzzTest {

    private static final int INPUTS_PER_SEED = 500;
    private static final String NAME = "fuzz.bpm";

    private static List<byte[]> corpus() {
        return List.of(
                toBytes(new SafetensorsWriter()
                        .add("dense.weight", new float[] {0.5f, -1.25f, 3f, Float.MIN_VALUE, -0f, 7f}, 2, 3)
                        .add("dense.bias", new double[] {0.1, -0.2}, 2)
                        .add("step", new long[] {12})
                        .add("labels", new int[] {3, 1, 4}, 3)
                        .metadata("backprop.architecture", "{\"layers\":[3,2]}")),
                toBytes(new SafetensorsWriter()
                        .add("w", new float[] {1, 2, 3, 4}, 2, 2)
                        .add("n", new long[] {-1, 1}, 2)
                        .metadata("k", "v")
                        .withoutChecksum()),
                toBytes(new SafetensorsWriter()
                        .add("empty", new float[0], 0, 4)
                        .add("scalar", new double[] {Math.PI})
                        .add("half", SafetensorsDtype.F16, new byte[] {0, 0x3c}, 1)
                        .add("é ☃", new int[] {7}, 1, 1)),
                toBytes(new SafetensorsWriter().metadata("only", "metadata")),
                SafetensorsBytes.file("{\n  \"x\": {\"dtype\": \"I32\", \"shape\": [2], \"data_offsets\": [0, 8]},\n"
                        + "  \"__metadata__\": {\"a\": \"b\"}\n}", new byte[] {1, 0, 0, 0, 2, 0, 0, 0}));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mutatedFilesEitherReadOrFailWithTheDocumentedException(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Mutator mutator = new Mutator(random);
        List<byte[]> corpus = corpus();
        int read = 0;
        int refused = 0;

        for (int i = 0; i < INPUTS_PER_SEED; i++) {
            byte[] original = corpus.get(random.nextInt(corpus.size()));
            byte[] mutated = mutator.mutate(original);
            try {
                SafetensorsFile file = SafetensorsBytes.read(mutated, NAME);
                if (file.checksummed()) {
                    assertSameContent(file, SafetensorsBytes.read(original, NAME));
                }
                read++;
            } catch (ModelFormatException e) {
                assertThat(e.getMessage()).startsWith(NAME + ": ");
                refused++;
            }
        }

        System.out.printf("safetensors fuzz, seed %d: %d inputs, %d read, %d refused with ModelFormatException%n",
                seed, INPUTS_PER_SEED, read, refused);
        assertThat(read + refused).isEqualTo(INPUTS_PER_SEED);
        assertThat(refused).isGreaterThan(INPUTS_PER_SEED / 2);
    }
}
