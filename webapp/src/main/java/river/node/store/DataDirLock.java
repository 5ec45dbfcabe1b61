package river.node.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Exclusive lock on a data directory: a lock file held with {@link FileChannel#tryLock()} for as
 * long as the owner runs. The OS drops the lock when the process dies (even on SIGKILL), so a stale
 * file never blocks a restart. The file is never deleted (deleting it would let two processes lock
 * two different inodes); it holds the owner's pid for the refusal message.
 */
public final class DataDirLock implements AutoCloseable {

  public static final String LOCK_FILE = "river.lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates {@code dataDir} if needed (owner-only, see {@link PrivateDataDir}) and locks it.
   *
   * @throws DataDirLockedException if another process or another owner in this JVM holds it
   */
  public static DataDirLock acquire(Path dataDir) throws IOException {
    Path file = dataDir.resolve(LOCK_FILE);
    FileChannel ch;
    try {
      PrivateDataDir.prepare(dataDir);
      ch =
          FileChannel.open(
              file,
              Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
              PrivateDataDir.fileAttributes(dataDir));
    } catch (IOException e) {
      throw new DataDirUnwritableException(dataDir, e.toString(), e);
    }
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this very JVM
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      String holder = readHolder(ch);
      ch.close();
      throw new DataDirLockedException(dataDir, file, holder);
    }
    try {
      byte[] me = ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(me), 0);
      ch.force(true);
    } catch (IOException e) {
      lock.release();
      ch.close();
      throw e;
    }
    return new DataDirLock(file, ch, lock);
  }

  private static String readHolder(FileChannel ch) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(64);
      int n = ch.read(buf, 0);
      return n <= 0 ? null : new String(buf.array(), 0, n, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } finally {
      channel.close();
    }
  }
}
