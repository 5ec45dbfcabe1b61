package river.node.tools.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The raw ceiling of the node's store on this machine: the same group-commit pattern the store's
 * writer thread uses (one connection, WAL, {@code synchronous=FULL}; per write a SAVEPOINT, a read
 * of the row and a write of a 64-byte value; one COMMIT, i.e. one fsync, per group), straight on
 * SQLite in this process: no network, no JSON, no CAS envelope, no futures. The node's CAS
 * throughput is reported as a fraction of it, so a reader sees how much the node costs above the
 * disk.
 *
 * <p>Hazard: a fair ceiling must be as durable as the node (FULL, checked) and write as many rows
 * per commit as the node could at best (one per client in flight), else the ratio flatters or
 * slanders the node.
 */
final class SqliteCeiling {
  private SqliteCeiling() {}

  /** Durable writes per second with {@code perCommit} writes in each transaction. */
  static double writesPerSecond(Path dir, int perCommit, double seconds) throws SQLException {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
    cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    String url = "jdbc:sqlite:" + dir.resolve("ceiling.db");
    try (Connection c = DriverManager.getConnection(url, cfg.toProperties());
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
        if (!rs.next() || rs.getInt(1) != 2) {
          throw new SQLException("the ceiling must run with synchronous=FULL, as the store does");
        }
      }
      s.execute("CREATE TABLE IF NOT EXISTS kv (k BLOB PRIMARY KEY, v BLOB NOT NULL)");
      try (PreparedStatement read = c.prepareStatement("SELECT v FROM kv WHERE k = ?");
          PreparedStatement write =
              c.prepareStatement("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)")) {
        run(s, read, write, perCommit, 1.0); // warm-up: JIT, WAL growth
        long start = System.nanoTime();
        long writes = run(s, read, write, perCommit, seconds);
        return writes / ((System.nanoTime() - start) / 1e9);
      }
    }
  }

  private static long run(
      Statement s, PreparedStatement read, PreparedStatement write, int perCommit, double seconds)
      throws SQLException {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long writes = 0;
    byte[] value = new byte[64];
    while (System.nanoTime() < end) {
      s.execute("BEGIN");
      for (int i = 0; i < perCommit; i++) {
        byte[] key = ByteBuffer.allocate(4).putInt(i).array();
        s.execute("SAVEPOINT op");
        read.setBytes(1, key);
        long current = 0;
        try (ResultSet rs = read.executeQuery()) {
          if (rs.next()) {
            current = ByteBuffer.wrap(rs.getBytes(1)).getLong();
          }
        }
        ByteBuffer.wrap(value).putLong(current + 1);
        write.setBytes(1, key);
        write.setBytes(2, value);
        write.executeUpdate();
        s.execute("RELEASE op");
        writes++;
      }
      s.execute("COMMIT");
    }
    return writes;
  }
}
