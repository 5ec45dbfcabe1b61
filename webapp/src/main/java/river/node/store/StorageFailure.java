package river.node.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure of the storage underneath (disk full, I/O error, a file or mount that became
 * read-only, a lock held too long) from everything else (a bug, a corrupt row, a constraint). Why:
 * the first kind is not the request's fault and may pass, so clients are told {@code unavailable}
 * ("try again"), not {@code internal}.
 */
final class StorageFailure {
  /**
   * SQLite primary result codes: PERM, BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN,
   * PROTOCOL.
   */
  private static final Set<Integer> CODES = Set.of(3, 5, 6, 7, 8, 10, 13, 14, 15);

  private StorageFailure() {}

  /** True when {@code t} or one of its causes is a SQLite error of the storage underneath. */
  static boolean is(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException e
          && (isPostgres(e) ? pgStorage(e) : CODES.contains(e.getErrorCode() & 0xff))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPostgres(SQLException e) {
    return e.getClass().getName().startsWith("org.postgresql.");
  }

  /**
   * PostgreSQL SQLSTATE classes of the database being away or short of resources, not of the
   * request.
   */
  private static boolean pgStorage(SQLException e) {
    String s = e.getSQLState();
    return s == null
        || s.startsWith("08")
        || s.startsWith("53")
        || s.startsWith("57P")
        || s.startsWith("58")
        || s.equals("40001")
        || s.equals("40P01");
  }
}
