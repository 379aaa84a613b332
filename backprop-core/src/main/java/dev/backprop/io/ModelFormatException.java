package dev.backprop.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not what its reader expects: not a safetensors file, truncated, inconsistent,
 * beyond a limit, or failing its checksum. The message starts with the file and says where the
 * problem is (byte offset or tensor name) and what was expected, for example
 * {@code model.bpm: truncated: header says 1,204,040 data bytes, file has 600,000 after the header}.
 *
 * <p>Checked, as a subclass of {@link IOException}: a damaged file is an expected condition of
 * reading files, and callers that already handle I/O failures handle this one too.
 */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file    the file that was being read
     * @param problem what is wrong and where, without the file name
     */
    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /**
     * Returns the file that was being read.
     *
     * @return the path as the caller gave it
     */
    public Path file() {
        return file;
    }
}
