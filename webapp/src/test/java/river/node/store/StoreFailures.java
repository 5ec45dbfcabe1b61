package river.node.store;

import java.sql.SQLException;

/** Store failures for tests outside this package (their constructors are the store's own). */
public final class StoreFailures {
  private StoreFailures() {}

  /**
   * What the store raises when the disk under it failed, e.g. SQLITE_FULL; {@code write}: a write
   * failed.
   */
  public static StoreUnavailableException unavailable(String message, boolean write) {
    return new StoreUnavailableException(message, new SQLException(message, null, 13), write);
  }
}
