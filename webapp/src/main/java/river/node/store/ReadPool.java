package river.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The read side of the store: a small fixed pool of threads, each with its own read-only SQLite
 * connection (opened on first use), running read tasks and mapping their failures. Hazard: a
 * connection belongs to the thread that opened it; every connection ever opened is tracked in
 * {@link #readConns} so {@link #close} can close them after the threads have stopped.
 */
final class ReadPool {

  private static final int READERS = 2;

  /** One read connection and its prepared statements. */
  static final class ReadConn {
    final Connection conn;
    final PreparedStatement get, many, list, user;

    ReadConn(Connection conn) throws SQLException {
      this.conn = conn;
      get =
          conn.prepareStatement(
              "SELECT typeof(value), value FROM kv WHERE user_id = ? AND delegate = ? AND key = ?");
      many = conn.prepareStatement(KvRows.MANY_SQL);
      list =
          conn.prepareStatement(
              "SELECT key FROM kv WHERE user_id = ? AND delegate = ? ORDER BY key");
      user = conn.prepareStatement("SELECT user_id FROM users WHERE token_sha256 = ?");
    }
  }

  @FunctionalInterface
  interface ReadTask<R> {
    R run(ReadConn rc) throws Exception;
  }

  private final String url;
  private final ExecutorService readers;
  private final List<ReadConn> readConns = new CopyOnWriteArrayList<>();
  private final ThreadLocal<ReadConn> readConn = new ThreadLocal<>();

  /** Creates the pool; no thread starts and no connection opens until the first read. */
  ReadPool(String url) {
    this.url = url;
    AtomicInteger n = new AtomicInteger();
    readers =
        Executors.newFixedThreadPool(
            READERS,
            r -> {
              Thread t = new Thread(r, "river-store-reader-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Opens a read connection (tracked, so {@link #close} closes it). */
  ReadConn openReadConnection() throws SQLException {
    Connection c = SqliteSetup.openReadConnection(url);
    try {
      ReadConn rc = new ReadConn(c);
      readConns.add(rc);
      return rc;
    } catch (SQLException e) {
      SqliteSetup.closeQuietly(c);
      throw e;
    }
  }

  /** Runs {@code task} on a reader thread; SQLExceptions become {@link StoreException}s. */
  <R> CompletableFuture<R> submit(ReadTask<R> task) {
    CompletableFuture<R> f = new CompletableFuture<>();
    try {
      readers.execute(
          () -> {
            try {
              ReadConn rc = readConn.get();
              if (rc == null) {
                rc = openReadConnection();
                readConn.set(rc);
              }
              f.complete(task.run(rc));
            } catch (StoreException e) {
              f.completeExceptionally(e);
            } catch (SQLException e) {
              f.completeExceptionally(
                  StoreException.of("read failed: " + e.getMessage(), e, false));
            } catch (Throwable t) {
              f.completeExceptionally(t);
            }
          });
    } catch (RejectedExecutionException e) {
      f.completeExceptionally(new StoreClosedException("the delegate store is closed"));
    }
    return f;
  }

  /** Closes the connections opened so far without touching the threads (a failed open). */
  void closeConnections() {
    for (ReadConn rc : readConns) {
      SqliteSetup.closeQuietly(rc.conn);
    }
  }

  /**
   * Lets queued reads finish (30 s at most), then closes every connection. True if the calling
   * thread was interrupted while waiting (the caller restores the flag).
   */
  boolean close() {
    boolean interrupted = false;
    readers.shutdown();
    try {
      if (!readers.awaitTermination(30, TimeUnit.SECONDS)) {
        readers.shutdownNow();
      }
    } catch (InterruptedException e) {
      readers.shutdownNow();
      interrupted = true;
    }
    closeConnections();
    return interrupted;
  }
}
