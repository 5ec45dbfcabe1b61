package river.node.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * Opening SQLite connections for the store: the write connection's pragmas (WAL, {@code
 * synchronous=FULL}, checked after opening), creating or checking the schema ({@code PRAGMA
 * user_version}, see {@link SqliteDelegateStore#SCHEMA_VERSION}), read-only connections, and the
 * directory fsync. Hazard: an acknowledged write must be an fsynced write, so a connection whose
 * pragmas did not take must fail to open rather than run with weaker durability.
 */
final class SqliteSetup {

  private SqliteSetup() {}

  /**
   * Opens the write connection, verifies its pragmas and creates or checks the schema. The
   * connection stays in JDBC auto-commit mode (the writer issues BEGIN / COMMIT / ROLLBACK).
   */
  static Connection openWriteConnection(String url) throws SQLException {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
    cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    cfg.setBusyTimeout(10_000);
    // DEFERRED (the default): with one writer there is nothing to upgrade-deadlock against, and
    // an idle writer then holds no lock or snapshot that would keep checkpoints from finishing.
    Connection c = DriverManager.getConnection(url, cfg.toProperties());
    try {
      checkPragmasAndSchema(c);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
    return c;
  }

  private static void checkPragmasAndSchema(Connection c) throws SQLException {
    int schemaVersion = SqliteDelegateStore.SCHEMA_VERSION;
    try (Statement s = c.createStatement()) {
      // Verify the pragmas took: an acknowledged write must be an fsynced write.
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        String mode = rs.next() ? rs.getString(1) : "?";
        if (!"wal".equalsIgnoreCase(mode)) {
          throw new SQLException("journal_mode is " + mode + ", expected wal");
        }
      }
      try (ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
        int sync = rs.next() ? rs.getInt(1) : -1;
        if (sync != 2) {
          throw new SQLException("synchronous is " + sync + ", expected 2 (FULL)");
        }
      }
      int version;
      try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > schemaVersion) {
        throw new SQLException(
            "the delegate store has schema version "
                + version
                + "; this node understands up to "
                + schemaVersion
                + " (written by a newer node?)");
      }
      if (version < schemaVersion) {
        s.execute("BEGIN IMMEDIATE");
        s.execute(
            "CREATE TABLE IF NOT EXISTS users ("
                + " user_id TEXT PRIMARY KEY,"
                + " token_sha256 BLOB NOT NULL UNIQUE,"
                + " created_ms INTEGER NOT NULL) STRICT");
        s.execute(
            "CREATE TABLE IF NOT EXISTS kv ("
                + " user_id TEXT NOT NULL,"
                + " delegate BLOB NOT NULL,"
                + " key BLOB NOT NULL,"
                + " value BLOB NOT NULL,"
                + " PRIMARY KEY (user_id, delegate, key)) WITHOUT ROWID, STRICT");
        s.execute("PRAGMA user_version = " + schemaVersion);
        s.execute("COMMIT");
      }
    }
  }

  /**
   * A real write transaction: rewrites the header's {@code user_version} (same value) and commits
   * with fsync. Why: SQLite quietly opens a database it cannot write read-only, and reads, pragmas
   * and an existing schema all still work, so only a write tells whether this node can keep the
   * promise of its ready line.
   */
  static void probeWrite(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        s.execute("PRAGMA user_version = " + SqliteDelegateStore.SCHEMA_VERSION);
        s.execute("COMMIT");
      } catch (SQLException e) {
        try {
          s.execute("ROLLBACK");
        } catch (SQLException ignored) {
          // no transaction left to roll back
        }
        throw e;
      }
    }
  }

  /** A read-only connection (WAL readers do not block the writer). */
  static Connection openReadConnection(String url) throws SQLException {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setBusyTimeout(10_000);
    cfg.setReadOnly(true);
    Properties p = cfg.toProperties();
    return DriverManager.getConnection(url, p);
  }

  /** Fails unless the database has exactly the schema version this node writes. */
  static void checkSchema(Connection c, boolean readOnly) throws SQLException {
    int schemaVersion = SqliteDelegateStore.SCHEMA_VERSION;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      int version = rs.next() ? rs.getInt(1) : 0;
      if (version != schemaVersion) {
        throw new SQLException(
            "the delegate store has schema version "
                + version
                + ", expected "
                + schemaVersion
                + (readOnly ? " (open it once with the node to create or upgrade it)" : ""));
      }
    }
  }

  static void fsyncDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not every platform can fsync a directory; SQLite's own syncs still hold
    }
  }

  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing; nothing to recover
    }
  }
}
