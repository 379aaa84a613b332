package dev.backprop.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive claim on a checkpoint folder, so that two runs never write into one folder. It is an
 * operating-system lock on {@code .lock}, which the system releases when the process ends, however it
 * ends; the file holds the owner's process id for the message another run gets.
 */
final class FolderLock implements AutoCloseable {
  static final String FILE = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the folder's lock.
   *
   * @throws IOException if another run (in this process or another) holds it, naming that process
   */
  static FolderLock take(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null;
    }
    if (lock == null) {
      String owner = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
      channel.close();
      throw new IOException(folder + ": another training run is using this checkpoint folder"
          + (owner.isEmpty() ? "" : " (process " + owner + ")") + "; wait for it to end, or use another folder");
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
    return new FolderLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
