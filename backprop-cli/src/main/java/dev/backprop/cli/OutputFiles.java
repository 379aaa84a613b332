package dev.backprop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any long work, that the files a command will write can be written: the folder
 * exists and is writable, and the file is not a folder. The files themselves are written later
 * with {@link dev.backprop.io.AtomicFiles}, complete or not at all.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Requires every given output file (nulls are skipped) to be writable, and all to differ.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    static void requireWritable(Path... files) throws IOException {
        for (int i = 0; i < files.length; i++) {
            if (files[i] == null) {
                continue;
            }
            Path file = files[i].toAbsolutePath().normalize();
            Path folder = file.getParent();
            if (Files.isDirectory(file)) {
                throw new IOException(files[i] + ": is a folder; expected a file name");
            }
            if (!Files.isDirectory(folder)) {
                throw new IOException(files[i] + ": folder " + folder + " does not exist");
            }
            if (!Files.isWritable(folder)) {
                throw new IOException(files[i] + ": folder " + folder + " is not writable");
            }
            for (int j = 0; j < i; j++) {
                if (files[j] != null && files[j].toAbsolutePath().normalize().equals(file)) {
                    throw new IOException(files[i] + ": given for two outputs; each needs its own file");
                }
            }
        }
    }
}
