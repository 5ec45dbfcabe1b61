package river.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The write connection and its prepared statements, used only on the writer thread. Hazard:
 * sqlite-jdbc finalizes a prepared statement whose execution failed (constraint violation,
 * SQLITE_FULL, ...) without marking it closed, so after every failed op all of them must be thrown
 * away and prepared again ({@link #repair}): otherwise one failure would break that kind of write
 * for good.
 */
final class WriterStatements {

  final Connection conn;
  PreparedStatement select, upsert, delete, insertUser, savepoint, rollbackTo, release;
  PreparedStatement begin, commit, rollback;

  WriterStatements(Connection conn) throws SQLException {
    this.conn = conn;
    prepare();
  }

  private void prepare() throws SQLException {
    select =
        conn.prepareStatement(
            "SELECT typeof(value), value FROM kv WHERE user_id = ? AND delegate = ? AND key = ?");
    upsert =
        conn.prepareStatement(
            "INSERT INTO kv (user_id, delegate, key, value) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (user_id, delegate, key) DO UPDATE SET value = excluded.value");
    delete = conn.prepareStatement("DELETE FROM kv WHERE user_id = ? AND delegate = ? AND key = ?");
    insertUser =
        conn.prepareStatement(
            "INSERT INTO users (user_id, token_sha256, created_ms) VALUES (?, ?, ?)");
    savepoint = conn.prepareStatement("SAVEPOINT op");
    rollbackTo = conn.prepareStatement("ROLLBACK TO op");
    release = conn.prepareStatement("RELEASE op");
    begin = conn.prepareStatement("BEGIN IMMEDIATE");
    commit = conn.prepareStatement("COMMIT");
    rollback = conn.prepareStatement("ROLLBACK");
  }

  /** Closes every statement and prepares them again; never throws. */
  void repair() {
    for (PreparedStatement ps :
        new PreparedStatement[] {
          select,
          upsert,
          delete,
          insertUser,
          savepoint,
          rollbackTo,
          release,
          begin,
          commit,
          rollback
        }) {
      try {
        ps.close();
      } catch (Throwable ignored) {
        // already finalized by the driver
      }
    }
    try {
      prepare();
    } catch (Throwable ignored) {
      // the connection itself is failing; the next op will report it
    }
  }
}
