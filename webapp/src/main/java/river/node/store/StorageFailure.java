package river.node.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure of the storage underneath (disk full, I/O error, a file or mount that became
 * read-only, a lock held too long) from everything else (a bug, a corrupt row, a constraint).
 * Why: the first kind is not the request's fault and may pass, so clients are told
 * {@code unavailable} ("try again"), not {@code internal}.
 */
final class StorageFailure {
  /** SQLite primary result codes: PERM, BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN, PROTOCOL. */
  private static final Set<Integer> CODES = Set.of(3, 5, 6, 7, 8, 10, 13, 14, 15);

  private StorageFailure() {}

  /** True when {@code t} or one of its causes is a SQLite error of the storage underneath. */
  static boolean is(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException e && CODES.contains(e.getErrorCode() & 0xff)) {
        return true;
      }
    }
    return false;
  }
}
