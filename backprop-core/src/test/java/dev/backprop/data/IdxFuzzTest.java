package dev.backprop.data;

import static dev.backprop.data.CsvFuzzTest.readOrRefuse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the IDX reader over raw and gzip files of images and labels, with
 * extra mutations aimed at the header's dimensions: only {@link DataException} may come out, never
 * an OutOfMemoryError, another exception or a hang.
 */
class IdxFuzzTest {
  private static final int INPUTS = 2000;
  private static final byte[] INTERESTING = {0, 1, 3, 8, (byte) 0x7f, (byte) 0x80, (byte) 0xff, 0x1f, (byte) 0x8b};
  private static final int[] INTERESTING_SIZES = {0, 1, -1, Integer.MAX_VALUE, 1 << 20, 1 << 30, 28, 60000};

  @Test
  void mutatedIdxInputsOnlyEverRaiseDataException() {
    byte[][] corpus = {IdxFixtures.images(6, 4, 4), IdxFixtures.labels(0, 1, 2, 3, 4, 5)};
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      Mutator mutator = new Mutator(19980801L, INTERESTING);
      for (int i = 0; i < INPUTS; i++) {
        int pick = mutator.nextInt(corpus.length);
        byte[] input = mutator.nextInt(3) == 0 ? mutateDimension(corpus[pick], mutator) : mutator.mutate(corpus[pick]);
        switch (mutator.nextInt(3)) {
          case 0 -> input = IdxFixtures.gzip(input);
          case 1 -> input = mutator.mutate(IdxFixtures.gzip(corpus[pick]));
          default -> { }
        }
        String name = "fuzz-" + i;
        ByteSource source = ByteSource.of(name, input);
        int magic = pick == 0 ? IdxFile.IMAGES : IdxFile.LABELS;
        outcomes[readOrRefuse(name, () -> IdxFile.read(source, magic).toFloats(1f / 255f))]++;
        outcomes[readOrRefuse(name, () -> IdxReader.readImages(source))]++;
      }
    });
    System.out.printf("IDX fuzz: %d mutated inputs, %d reads succeeded, %d refused with DataException%n",
        INPUTS, outcomes[0], outcomes[1]);
    assertThat(outcomes[0]).isPositive();
    assertThat(outcomes[1]).isPositive();
  }

  private static byte[] mutateDimension(byte[] idx, Mutator mutator) {
    byte[] bytes = idx.clone();
    int dimensions = bytes[3];
    int at = 4 + 4 * mutator.nextInt(dimensions);
    ByteBuffer.wrap(bytes).putInt(at, INTERESTING_SIZES[mutator.nextInt(INTERESTING_SIZES.length)]);
    return bytes;
  }
}
