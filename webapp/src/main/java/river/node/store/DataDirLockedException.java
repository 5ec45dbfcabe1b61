package river.node.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process (or another store in this process) already holds the data directory's lock file.
 * The message is meant to be printed as is by the node's main.
 */
public final class DataDirLockedException extends IOException {

  private final Path dataDir;

  public DataDirLockedException(Path dataDir, Path lockFile, String holder) {
    super(
        "data directory "
            + dataDir
            + " is already in use by another River node"
            + (holder == null || holder.isBlank() ? "" : " (" + holder.strip() + ")")
            + "; lock file "
            + lockFile
            + " is held. Stop that node or use another --data-dir.");
    this.dataDir = dataDir;
  }

  public Path dataDir() {
    return dataDir;
  }
}
