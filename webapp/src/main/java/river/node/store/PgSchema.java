package river.node.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Connections to the PostgreSQL store and its versioned schema. Every connection is set to {@code
 * synchronous_commit = on} (checked), so a COMMIT that returned is on the server's disk. The schema
 * is created or migrated at open under an advisory lock, so nodes starting together do not race;
 * {@code schema_version} holds one row per applied version. Hazard: the JDBC URL carries the
 * password: never put it in a message or a log line ({@link #describe}).
 */
final class PgSchema {

  static final int SCHEMA_VERSION = 1;

  /** Arbitrary, fixed: the advisory lock that serializes schema migrations of all nodes. */
  private static final long MIGRATION_LOCK = 0x7269766572L; // "river"

  private PgSchema() {}

  /**
   * Opens a connection with the node's session settings (autocommit off, synchronous commit on).
   */
  static Connection connect(String url) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    try {
      try (Statement st = c.createStatement()) {
        st.execute("SET synchronous_commit = on");
        st.execute("SET application_name = 'river-node'");
        try (ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
          rs.next();
          if (!"on".equals(rs.getString(1))) {
            throw new SQLException(
                "synchronous_commit is " + rs.getString(1) + ", the store needs on");
          }
        }
      }
      c.setAutoCommit(false);
      return c;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /** Creates the tables, or migrates them to {@link #SCHEMA_VERSION}; refuses a newer schema. */
  static void migrate(Connection c) throws SQLException, IOException {
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
              + " applied_ms BIGINT NOT NULL)");
      int version;
      try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
        rs.next();
        version = rs.getInt(1);
      }
      if (version > SCHEMA_VERSION) {
        c.rollback();
        throw new IOException(
            "the database's schema is version "
                + version
                + ", newer than this node ("
                + SCHEMA_VERSION
                + "): upgrade the node");
      }
      if (version < 1) {
        // Same tables as SQLite's; BYTEA compares as unsigned bytes, user ids compare in "C" order.
        st.execute(
            "CREATE TABLE users (user_id TEXT COLLATE \"C\" PRIMARY KEY,"
                + " token_sha256 BYTEA NOT NULL UNIQUE, created_ms BIGINT NOT NULL)");
        st.execute(
            "CREATE TABLE kv (user_id TEXT COLLATE \"C\" NOT NULL, delegate BYTEA NOT NULL,"
                + " key BYTEA NOT NULL, value BYTEA NOT NULL, PRIMARY KEY (user_id, delegate, key))");
        st.execute("INSERT INTO schema_version VALUES (1, " + System.currentTimeMillis() + ")");
      }
      // Later versions: "if (version < 2) { ALTER ...; INSERT INTO schema_version VALUES (2, ...)
      // }".
    }
    c.commit();
  }

  /** The URL without its query (user, password): safe for messages. */
  static String describe(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a broken connection: nothing more to do
    }
  }

  static void rollbackQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the caller drops it
    }
  }

  /** True when the connection itself failed (the caller must drop it and connect again). */
  static boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    return state == null
        || state.startsWith("08")
        || state.startsWith("57P")
        || state.startsWith("53")
        || state.startsWith("58");
  }
}
