package river.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <data-dir>/node.lock} for the lifetime of a node, so that a
 * second node on the same directory is refused instead of corrupting it. The OS drops the lock
 * when the process dies, even by SIGKILL, so a crash never leaves a stale lock behind.
 */
public final class DataDirLock implements AutoCloseable {
  public static final class Held extends IOException {
    public Held(Path dir) {
      super("another River node is already running on data directory " + dir.toAbsolutePath()
          + " (stop it first, or pass a different --data-dir)");
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static DataDirLock acquire(Path dir) throws IOException {
    Files.createDirectories(dir);
    FileChannel ch = FileChannel.open(dir.resolve("node.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new Held(dir);
    }
    return new DataDirLock(ch, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
