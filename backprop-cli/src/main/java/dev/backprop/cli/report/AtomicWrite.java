package dev.backprop.cli.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces a file all at once: the content goes to a temporary file {@code .NAME.PID-N.tmp} in
 * the same folder (so the rename is atomic on the same file system), is forced to disk, and is
 * then renamed over the target. On any failure the temporary file is deleted and an existing
 * target is left as it was.
 */
final class AtomicWrite {

    private static final AtomicLong COUNTER = new AtomicLong();

    /** Writes the whole content of a file. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, atomically; see {@link #write}. */
    static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * Creates or replaces {@code target} with what {@code body} writes, atomically.
     *
     * @throws IOException naming the file if its folder is missing or the write fails; the target
     *                     is then unchanged and no temporary file is left
     */
    static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (!Files.isDirectory(folder)) {
            throw new IOException(target + ": folder " + folder + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + ": is a folder, not a file");
        }
        Path temp = createTemp(folder, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(temp, absolute);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Files.createTempFile would make the report readable by its owner only; this keeps the umask. */
    private static Path createTemp(Path folder, String name) throws IOException {
        long pid = ProcessHandle.current().pid();
        while (true) {
            Path temp = folder.resolve("." + name + "." + pid + "-" + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException leftByAnEarlierProcess) {
                // A crashed process with the same pid left this name behind; take the next one.
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
