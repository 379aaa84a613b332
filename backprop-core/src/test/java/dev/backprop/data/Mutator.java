package dev.backprop.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded byte-level mutations for fuzzing readers: truncations, bit flips, insertions, deletions. */
final class Mutator {
  private final SplittableRandom random;
  private final byte[] interesting;

  Mutator(long seed, byte[] interesting) {
    this.random = new SplittableRandom(seed);
    this.interesting = interesting;
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** One to three mutations of the input. */
  byte[] mutate(byte[] input) {
    byte[] bytes = input;
    for (int rounds = 1 + random.nextInt(3); rounds > 0; rounds--) {
      bytes = mutateOnce(bytes);
    }
    return bytes;
  }

  private byte[] mutateOnce(byte[] bytes) {
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    switch (random.nextInt(6)) {
      case 0:
        return Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      case 1:
        if (bytes.length > 0) {
          bytes = bytes.clone();
          bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
      case 2:
        return insert(bytes, at, new byte[] {interesting[random.nextInt(interesting.length)]});
      case 3:
        return insert(bytes, at, randomBytes(1 + random.nextInt(8)));
      case 4:
        int end = Math.min(bytes.length, at + 1 + random.nextInt(16));
        return concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, end, bytes.length));
      default:
        if (bytes.length > 0) {
          bytes = bytes.clone();
          bytes[at] = interesting[random.nextInt(interesting.length)];
        }
        return bytes;
    }
  }

  private byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
    return concat(concat(Arrays.copyOf(bytes, at), inserted), Arrays.copyOfRange(bytes, at, bytes.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
