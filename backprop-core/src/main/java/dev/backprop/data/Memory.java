package dev.backprop.data;

/** Limits on array sizes, checked before allocating: bad input never ends in OutOfMemoryError. */
final class Memory {
  /** The largest array length every JVM allows. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private Memory() {}

  /** The next capacity of a growing array: doubled, at least {@code needed}, at most MAX_ARRAY. */
  static int grownLength(int current, long needed, String source) {
    if (needed > MAX_ARRAY) {
      throw DataException.inFile(source, "holds more than " + MAX_ARRAY
          + " values, too many for one array");
    }
    return (int) Math.min(MAX_ARRAY, Math.max(needed, 2L * current));
  }

  /** Refuses, before allocating, data that cannot fit in the largest heap this JVM may grow to. */
  static void checkHeap(long bytes, String source, String what) {
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (bytes > maxHeap) {
      throw DataException.inFile(source, what + " need " + (bytes >> 20) + " MiB to load but the"
          + " Java heap has at most " + (maxHeap >> 20) + " MiB; raise it with -Xmx");
    }
  }

  /**
   * Allocates a float array of a validated length, turning a heap too small for it into a
   * {@link DataException} that says how much memory is needed.
   */
  static float[] floats(long length, String source, String what) {
    if (length > MAX_ARRAY) {
      throw DataException.inFile(source, what + " needs " + length
          + " values, more than one array holds ("
          + MAX_ARRAY + ")");
    }
    try {
      return new float[(int) length];
    } catch (OutOfMemoryError e) {
      throw DataException.inFile(source, what + " needs " + (length * Float.BYTES >> 20)
          + " MiB but the Java heap has at most " + (Runtime.getRuntime().maxMemory() >> 20)
          + " MiB; raise it with -Xmx");
    }
  }
}
