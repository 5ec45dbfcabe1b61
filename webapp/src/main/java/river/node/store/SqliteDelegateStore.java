package river.node.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The default {@link DelegateStore}: every user's key-value stores, keyed by (user id, delegate id,
 * key), in one SQLite database under the node's data directory. Serves one node (it holds the data
 * directory's lock); several nodes share a {@link PostgresDelegateStore} instead.
 *
 * <p>Values are opaque bytes here (the enveloped bytes; the envelope and CAS rules are pure
 * functions in {@code shared} that run inside {@link #update}).
 *
 * <h2>Writes: one writer thread, group commit</h2>
 *
 * All writes go through one connection owned by one writer thread. The thread takes everything
 * queued, applies it in order in one transaction (so a later operation sees the effects of the
 * earlier ones), commits once (WAL, {@code synchronous=FULL}: the commit returns after fsync) and
 * only then completes the futures. An acknowledged write therefore survives a kill -9.
 *
 * <p>Write futures are completed by a separate single "acks" thread, in commit order, so callers'
 * dependent stages ({@code thenApply}, ...) never run on the writer thread and cannot slow down or
 * deadlock group commit. They do run on the acks thread: do not block there (use the {@code *Async}
 * variants for heavy work). Update functions themselves run on the writer thread: they must be
 * quick, must not block, and must not wait for another store future (that would deadlock the
 * writer).
 *
 * <h2>Failures inside a batch</h2>
 *
 * Each operation runs inside its own SAVEPOINT. If an operation fails (its function throws, its row
 * is corrupt, its statement fails) it is rolled back to its savepoint, its future completes
 * exceptionally, and the other operations of the batch still commit: one user's bad row, huge value
 * or buggy function never costs other users their writes. Some errors make SQLite abort the whole
 * transaction (SQLITE_FULL, I/O errors); then the failing op fails and the ops applied before it in
 * the batch are applied again in a fresh transaction (so update functions must be pure functions of
 * the bytes they are given: in that rare case one runs twice, on the same input). If that is lost
 * too, or if COMMIT itself fails, every op of the batch fails and none is acknowledged. The writer
 * thread survives every exception.
 *
 * <h2>Reads</h2>
 *
 * Reads run on a small pool of read connections (WAL readers do not block the writer). A read
 * started after a write's future completed sees that write, because the future completes only after
 * COMMIT returned. {@link #readMany} (a GetMany) is one task: its keys are read by {@code IN (...)}
 * queries inside one read transaction, so they all come from one snapshot.
 *
 * <h2>Schema ({@code PRAGMA user_version = 1})</h2>
 *
 * <pre>
 * users(user_id TEXT PRIMARY KEY, token_sha256 BLOB NOT NULL UNIQUE, created_ms INTEGER NOT NULL) STRICT
 * kv(user_id TEXT, delegate BLOB, key BLOB, value BLOB NOT NULL,
 *    PRIMARY KEY (user_id, delegate, key)) WITHOUT ROWID, STRICT
 * </pre>
 *
 * The primary key of {@code kv} is the key index: {@link #listKeys} is a range scan over it, and it
 * is maintained by the same statement that puts or deletes a value, so it cannot drift.
 *
 * <h2>Files</h2>
 *
 * This class is the public face and the lifecycle (open, close); the work is done by {@link
 * StoreWriter} (writer thread, group commit, savepoints, replay), {@link WriterStatements}, {@link
 * WriteOp} / {@link UpdateOp} / {@link UserDirectory} (the write ops and user reads), {@link
 * ReadPool} and {@link KvRows} (reads), {@link SqliteSetup} (connections, pragmas, schema), {@link
 * StoreArgs} (argument checks) and {@link StoreTokens} (tokens and ids). Hazard: {@link #close}
 * must stop the writer (after it committed everything queued) before the readers and connections
 * go, and nothing may be queued after the writer's poison pill.
 */
public final class SqliteDelegateStore implements DelegateStore {

  /** The database file inside the data directory. */
  public static final String DB_FILE = "delegates.sqlite";

  static final int SCHEMA_VERSION = 1;

  private final Path dataDir;
  private final boolean readOnly;
  private final DataDirLock lock; // null when read-only

  private final Object submitLock = new Object();
  private volatile boolean closed;
  private final StoreWriter writer; // null when read-only
  private final ReadPool readPool;

  private SqliteDelegateStore(Path dataDir, boolean readOnly, DataDirLock lock) throws IOException {
    this.dataDir = dataDir;
    this.readOnly = readOnly;
    this.lock = lock;
    String url = "jdbc:sqlite:" + dataDir.resolve(DB_FILE).toAbsolutePath();
    readPool = new ReadPool(url); // starts no thread and opens nothing yet
    try {
      if (readOnly) {
        writer = null;
        SqliteSetup.checkSchema(readPool.openReadConnection().conn, true);
      } else {
        Path db = dataDir.resolve(DB_FILE);
        try {
          // Created 0600 first: SQLite gives its -wal and -shm files the database file's mode.
          PrivateDataDir.createFile(db);
        } catch (IOException e) {
          throw new DataDirUnwritableException(dataDir, "cannot create " + db + ": " + e, e);
        }
        Connection conn = SqliteSetup.openWriteConnection(url);
        try {
          SqliteSetup.probeWrite(conn);
          SqliteSetup.fsyncDir(
              dataDir); // the db and -wal files were just created: make their names durable
          PrivateDataDir.tighten(dataDir); // whatever SQLite created, whatever an older node left
        } catch (SQLException | RuntimeException e) {
          SqliteSetup.closeQuietly(conn);
          throw e;
        } catch (IOException e) {
          SqliteSetup.closeQuietly(conn);
          throw new DataDirUnwritableException(dataDir, e.getMessage(), e);
        }
        writer = new StoreWriter(conn);
        writer.start();
      }
    } catch (SQLException e) {
      readPool.closeConnections();
      if (!readOnly && StorageFailure.is(e)) {
        throw new DataDirUnwritableException(dataDir, e.getMessage(), e);
      }
      throw new IOException(
          "cannot open the delegate store in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens (creating if needed) the store in {@code dataDir} for the node: takes the directory's
   * lock file, so a second process on the same directory gets a {@link DataDirLockedException}.
   */
  public static SqliteDelegateStore open(Path dataDir) throws IOException {
    DataDirLock lock = DataDirLock.acquire(dataDir);
    try {
      return new SqliteDelegateStore(dataDir, false, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Opens an existing store read-only (the {@code inspect} command): no lock file, works while a
   * node is running on the same directory, and sees what that node has committed. {@link #update}
   * and {@link #createUser} fail with {@link StoreClosedException}.
   */
  public static SqliteDelegateStore openReadOnly(Path dataDir) throws IOException {
    if (!Files.isRegularFile(dataDir.resolve(DB_FILE))) {
      throw new NoSuchFileException(
          dataDir.resolve(DB_FILE).toString(), null, "no delegate store in " + dataDir);
    }
    return new SqliteDelegateStore(dataDir, true, null);
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public boolean isReadOnly() {
    return readOnly;
  }

  // ------------------------------------------------------------------------------------------
  // Public API

  /** The stored bytes, or null when absent. Sees every write whose future has completed. */
  @Override
  public CompletableFuture<byte[]> read(String user, byte[] delegate, byte[] key) {
    StoreArgs.checkUser(user);
    byte[] d = StoreArgs.checkDelegate(delegate);
    byte[] k = StoreArgs.checkKey(key);
    return onReader(rc -> KvRows.get(rc, user, d, k));
  }

  /**
   * The stored bytes of each key, in key order (null where absent): one task on one read
   * connection, all keys in one read transaction (one snapshot). See {@link
   * DelegateStore#readMany}.
   */
  @Override
  public CompletableFuture<List<byte[]>> readMany(String user, byte[] delegate, List<byte[]> keys) {
    StoreArgs.checkUser(user);
    byte[] d = StoreArgs.checkDelegate(delegate);
    List<byte[]> ks = StoreArgs.checkKeys(keys);
    return onReader(rc -> KvRows.getMany(rc, user, d, ks));
  }

  /**
   * Atomic read-modify-write of one key. {@code fn} runs on the writer thread with the current
   * bytes (null when absent) and no other write in between; the future completes with the
   * mutation's result only after the transaction holding it has committed durably, or exceptionally
   * (with what {@code fn} threw, a {@link CorruptRowException}, a {@link StoreException}) with
   * nothing written.
   *
   * @throws TooLargeException if the key is over {@link #MAX_KEY_BYTES} (nothing is queued)
   */
  @Override
  public <T> CompletableFuture<T> update(
      String user, byte[] delegate, byte[] key, Function<byte[], Mutation<T>> fn) {
    StoreArgs.checkUser(user);
    byte[] d = StoreArgs.checkDelegate(delegate);
    byte[] k = StoreArgs.checkKey(key);
    Objects.requireNonNull(fn, "fn");
    UpdateOp<T> op = new UpdateOp<>(user, d, k, fn);
    submit(op);
    return op.future;
  }

  /** Every key stored for this user and delegate, in unsigned byte order. */
  @Override
  public CompletableFuture<List<byte[]>> listKeys(String user, byte[] delegate) {
    StoreArgs.checkUser(user);
    byte[] d = StoreArgs.checkDelegate(delegate);
    return onReader(rc -> KvRows.listKeys(rc, user, d));
  }

  /** Every user id, in order (for the {@code inspect} command). */
  @Override
  public CompletableFuture<List<String>> listUsers() {
    return onReader(UserDirectory::listUsers);
  }

  /**
   * Creates a user whose credential hashes to {@code tokenHash} (SHA-256, see {@link #hashToken})
   * and completes, once durable, with the new user's stable id. The token itself is never stored.
   * Fails (SQLException cause) if the hash is already registered.
   */
  @Override
  public CompletableFuture<String> createUser(byte[] tokenHash) {
    byte[] h = StoreArgs.checkTokenHash(tokenHash);
    UserDirectory.CreateUserOp op = new UserDirectory.CreateUserOp(StoreTokens.newUserId(), h);
    submit(op);
    return op.future;
  }

  /** The user id registered for this SHA-256 token hash, if any. */
  @Override
  public CompletableFuture<Optional<String>> lookupUserByTokenHash(byte[] tokenHash) {
    byte[] h = StoreArgs.checkTokenHash(tokenHash);
    return onReader(rc -> UserDirectory.lookup(rc, h));
  }

  /** SQLite serves one node: nobody else writes to its file, so there is nothing to report. */
  @Override
  public void onRemoteChange(java.util.function.Consumer<StoreChange> listener) {}

  @Override
  public Stats stats() {
    return writer == null ? new Stats(0, 0, 0, 0) : writer.stats();
  }

  /**
   * Stops taking new operations, lets the writer finish (and commit) everything queued, then closes
   * the connections and releases the lock. Idempotent.
   */
  @Override
  public void close() {
    synchronized (submitLock) {
      if (closed) {
        return;
      }
      closed = true;
      if (writer != null) {
        writer.enqueuePoison();
      }
    }
    boolean interrupted = false;
    if (writer != null) {
      interrupted |= writer.awaitStopped(); // the writer, then the acks it handed over
    }
    interrupted |= readPool.close();
    if (writer != null) {
      writer.closeConnection();
    }
    if (lock != null) {
      try {
        lock.close();
      } catch (IOException ignored) {
        // the lock dies with the channel; nothing else to do
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Tests only: runs {@code sql} on the write connection as one operation of the writer's next
   * batch; completes with the first column of the first row, if the statement returned rows.
   */
  CompletableFuture<String> executeOnWriterForTest(String sql) {
    CompletableFuture<String> f = new CompletableFuture<>();
    submit(
        new WriteOp() {
          String result;

          @Override
          void apply(WriterStatements w) throws SQLException {
            try (Statement st = w.conn.createStatement()) {
              if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                  result = rs.next() ? rs.getString(1) : null;
                }
              }
            }
          }

          @Override
          void succeed() {
            f.complete(result);
          }

          @Override
          void fail(Throwable t) {
            f.completeExceptionally(t);
          }
        });
    return f;
  }

  private void submit(WriteOp op) {
    synchronized (submitLock) {
      if (closed || writer == null) {
        op.fail(
            new StoreClosedException(
                readOnly
                    ? "the delegate store is open read-only"
                    : "the delegate store is closed"));
        return;
      }
      writer.enqueue(op);
    }
  }

  private <R> CompletableFuture<R> onReader(ReadPool.ReadTask<R> task) {
    if (closed) {
      return CompletableFuture.failedFuture(
          new StoreClosedException("the delegate store is closed"));
    }
    return readPool.submit(task);
  }
}
