package dev.backprop.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded byte-level mutations for fuzz tests: bit flips, byte overwrites with values that matter
 * to JSON and to the format, deletions, insertions, duplications, truncation, new header lengths
 * and big or negative numbers spliced over digits.
 */
final class Mutator {

    private static final byte[] INTERESTING = "{}[]\":,-0123456789eE. \\\u0000".getBytes(StandardCharsets.ISO_8859_1);
    private static final String[] NUMBERS = {"0", "-1", "4294967296", "2147483648", "9223372036854775807",
        "9223372036854775808", "99999999999999999999", "1e308", "1.5", "1099511627776"};
    private static final long[] LENGTHS = {0, 1, 7, 8, 0x7fffffffffffffffL, -1, 100_000_001, 1L << 40};

    private final SplittableRandom random;

    Mutator(SplittableRandom random) {
        this.random = random;
    }

    /** Applies one to three random mutations to a copy of {@code input}. */
    byte[] mutate(byte[] input) {
        byte[] out = input.clone();
        for (int n = random.nextInt(1, 4); n > 0; n--) {
            out = mutateOnce(out);
        }
        return out;
    }

    private byte[] mutateOnce(byte[] in) {
        if (in.length == 0) {
            return insert(in, 0, randomBytes(random.nextInt(1, 9)));
        }
        int at = random.nextInt(in.length);
        byte[] out = in.clone();
        switch (random.nextInt(9)) {
            case 0:
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            case 1:
                out[at] = (byte) random.nextInt(256);
                return out;
            case 2:
                out[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                return out;
            case 3:
                return delete(in, at, random.nextInt(1, Math.min(16, in.length - at) + 1));
            case 4:
                return insert(in, at, randomBytes(random.nextInt(1, 9)));
            case 5:
                return Arrays.copyOf(in, at);
            case 6:
                return insert(in, at, Arrays.copyOfRange(in, at, Math.min(in.length, at + random.nextInt(1, 33))));
            case 7:
                return withHeaderLength(out);
            default:
                return spliceNumber(in, at);
        }
    }

    private byte[] withHeaderLength(byte[] out) {
        if (out.length < 8) {
            return out;
        }
        long current = ByteBuffer.wrap(out, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        long length = random.nextBoolean() ? LENGTHS[random.nextInt(LENGTHS.length)]
                : current + random.nextInt(-16, 17);
        ByteBuffer.wrap(out, 0, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(length);
        return out;
    }

    /** Replaces the run of digits nearest after {@code at} by an extreme number. */
    private byte[] spliceNumber(byte[] in, int at) {
        int start = at;
        while (start < in.length && !Character.isDigit(in[start])) {
            start++;
        }
        int end = start;
        while (end < in.length && Character.isDigit(in[end])) {
            end++;
        }
        byte[] number = NUMBERS[random.nextInt(NUMBERS.length)].getBytes(StandardCharsets.US_ASCII);
        return insert(delete(in, start, end - start), start, number);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] delete(byte[] in, int at, int count) {
        byte[] out = new byte[in.length - count];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + count, out, at, in.length - at - count);
        return out;
    }

    private static byte[] insert(byte[] in, int at, byte[] piece) {
        byte[] out = new byte[in.length + piece.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(in, at, out, at + piece.length, in.length - at);
        return out;
    }
}
