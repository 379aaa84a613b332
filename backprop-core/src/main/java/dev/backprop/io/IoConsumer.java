package dev.backprop.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}: the body that writes a file's content.
 *
 * @param <T> what it consumes, usually an {@link java.io.OutputStream}
 */
@FunctionalInterface
public interface IoConsumer<T> {

    /**
     * Consumes the value.
     *
     * @param value the value
     * @throws IOException if writing fails
     */
    void accept(T value) throws IOException;
}
