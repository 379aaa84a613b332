package dev.backprop.io;

/**
 * Bounds a JSON parse so that hostile input fails with a {@link JsonException} instead of a
 * {@link StackOverflowError} or an {@link OutOfMemoryError}.
 *
 * @param maxDepth  the deepest nesting of arrays and objects accepted; {@code [[1]]} has depth 2
 * @param maxLength the longest input accepted, in UTF-16 chars
 */
public record JsonLimits(int maxDepth, int maxLength) {

    /** 256 levels of nesting and 64 Mi chars: far beyond any file this project writes. */
    public static final JsonLimits DEFAULT = new JsonLimits(256, 64 << 20);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException if {@code maxDepth < 1} or {@code maxLength < 0}
     */
    public JsonLimits {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be non-negative, got " + maxLength);
        }
    }
}
