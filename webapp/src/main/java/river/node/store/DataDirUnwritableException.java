package river.node.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The node cannot write to its data directory (a read-only or immutable database file or directory,
 * a read-only mount, a full disk). Found at start by a real write transaction, so the node refuses
 * to start instead of announcing itself ready and then failing every write. The message is one
 * line, meant to be printed as is by the node's main.
 */
public final class DataDirUnwritableException extends IOException {

  public DataDirUnwritableException(Path dataDir, String reason, Throwable cause) {
    super(
        "cannot write to the data directory "
            + dataDir
            + " ("
            + oneLine(reason)
            + "). Make sure this user can"
            + " write the directory and every file in it (not read-only, not immutable, not on a read-only mount) and"
            + " that the disk has free space.",
        cause);
  }

  private static String oneLine(String s) {
    return s == null ? "unknown reason" : s.replaceAll("\\s+", " ").strip();
  }
}
