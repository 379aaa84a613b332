package dev.backprop.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
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
 * Writes files so that a reader, or a crash at any moment, sees either the complete old file or
 * the complete new one, never a mix or a fragment.
 *
 * <p>The content goes to a temporary file {@code .NAME.PID-N.tmp} in the target's folder (the
 * same file system, so the rename below is atomic); the temporary file is forced to disk,
 * renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE} (falling back to
 * {@link StandardCopyOption#REPLACE_EXISTING} only where atomic moves are unsupported), and the
 * folder is forced to disk so the rename itself survives a power loss. If anything fails before
 * the rename, the temporary file is deleted and the target is untouched. A process killed
 * mid-write can leave a {@code .*.tmp} file behind, never a damaged target.
 *
 * <p>The new file gets the default permissions of newly created files, not the old file's, and
 * a symbolic link at the target is replaced by the file rather than followed.
 */
public final class AtomicFiles {

    private static final AtomicLong TEMP_COUNTER = new AtomicLong();
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private AtomicFiles() {
    }

    /**
     * Creates or replaces {@code target} with what {@code body} writes.
     *
     * @param target the file to create or replace; its folder must exist
     * @param body   writes the whole content to the (buffered) stream; closing it is allowed
     * @throws IOException if the body or the file system fails; the target is then unchanged
     */
    public static void write(Path target, IoConsumer<? super OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + ": is a folder, not a file");
        }
        Path temp = createTemp(folder, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.accept(new CloseShield(buffered));
                buffered.flush();
                channel.force(true);
            }
            move(temp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
        forceFolder(folder);
    }

    /**
     * Creates or replaces {@code target} with {@code text} encoded as UTF-8.
     *
     * @param target the file to create or replace; its folder must exist
     * @param text   the whole content
     * @throws IOException if the file system fails; the target is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    private static Path createTemp(Path folder, String name) throws IOException {
        long pid = ProcessHandle.current().pid();
        while (true) {
            Path temp = folder.resolve("." + name + "." + pid + "-" + TEMP_COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException leftFromAnEarlyProcess) {
                // A crashed process with the same pid left it; try the next name.
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

    /** Makes the folder's entries (the rename) durable; Windows cannot open a folder for this. */
    private static void forceFolder(Path folder) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Lets the body close its stream (as try-with-resources does) without closing the file. */
    private static final class CloseShield extends FilterOutputStream {
        CloseShield(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static void deleteQuietly(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
