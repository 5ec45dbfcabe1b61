package river.node.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link DelegateStore} for several nodes on one PostgreSQL database ({@code --db
 * jdbc:postgresql://HOST:PORT/DB?user=U[&password=P]}). Same tables and semantics as {@link
 * SqliteDelegateStore}; what differs is how, not what:
 *
 * <ul>
 *   <li>writes run on a few writer lanes ({@link #LANES}) ({@link PgWriteLane}), each with its own
 *       connection and group commit; one user's writes (and one room's) always take the same lane,
 *       so they apply in submission order. Each write locks its row ({@link PgWrites}), so writes
 *       of different nodes to one row serialize in the database;
 *   <li>{@code synchronous_commit = on} on every connection: an acknowledged write is on the
 *       server's disk, whatever happens to the node;
 *   <li>every put or delete is announced with NOTIFY in its own transaction; the other nodes hear
 *       it through {@link PgChangeListener} and {@link #onRemoteChange}.
 * </ul>
 *
 * There is no data-directory lock: any number of nodes may open the same database.
 */
public final class PostgresDelegateStore implements DelegateStore {

  /**
   * Writer lanes per node (system property {@code river.pg.lanes}). Few, because a lane's batch
   * costs round trips plus one commit: measured with 32 clients, 1-2 lanes gave ~4,000 CAS/s, 4
   * gave 2,400, 8 gave 2,900 on one node and 1,800 on two (smaller batches, more commits).
   */
  static final int LANES = Integer.getInteger("river.pg.lanes", 2);

  private final String url;
  private final String nodeId = UUID.randomUUID().toString();
  private final PgWriteLane[] lanes = new PgWriteLane[LANES];
  private final PgReads reads;
  private final PgChangeListener changes;
  private final ExecutorService acks =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "river-pg-acks");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong committed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Object submitLock = new Object();
  private boolean closed; // under submitLock

  private PostgresDelegateStore(String url) {
    this.url = url;
    for (int i = 0; i < LANES; i++) {
      lanes[i] = new PgWriteLane(url, i, acks, commits, committed, failed);
    }
    reads = new PgReads(url);
    changes = new PgChangeListener(url, nodeId);
  }

  /**
   * Connects, creates or migrates the schema, and starts listening for other nodes' changes.
   *
   * @throws IOException with a message that never shows the password
   */
  public static PostgresDelegateStore open(String url) throws IOException {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "--db must be a jdbc:postgresql://HOST:PORT/DB?user=U URL");
    }
    try (Connection c = PgSchema.connect(url)) {
      PgSchema.migrate(c);
    } catch (SQLException e) {
      throw new IOException(
          "cannot open the PostgreSQL store at " + PgSchema.describe(url) + ": " + e.getMessage(),
          e);
    }
    PostgresDelegateStore store = new PostgresDelegateStore(url);
    try {
      store.changes.start();
    } catch (InterruptedException e) {
      store.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the change listener", e);
    }
    return store;
  }

  /** This store's id in change announcements (its own are not reported back to it). */
  public String nodeId() {
    return nodeId;
  }

  @Override
  public CompletableFuture<byte[]> read(String user, byte[] delegate, byte[] key) {
    StoreArgs.checkUser(user);
    byte[] d = StoreArgs.checkDelegate(delegate);
    byte[] k = StoreArgs.checkKey(key);
    return onReader(c -> PgReads.get(c, user, d, k));
  }

  /** One task and one query for every key, so one snapshot. See {@link DelegateStore#readMany}. */
  @Override
  public CompletableFuture<List<byte[]>> readMany(String user, byte[] delegate, List<byte[]> keys) {
    StoreArgs.checkUser(user);
    byte[] d = StoreArgs.checkDelegate(delegate);
    List<byte[]> ks = StoreArgs.checkKeys(keys);
    return onReader(c -> PgReads.getMany(c, user, d, ks));
  }

  @Override
  public <T> CompletableFuture<T> update(
      String user, byte[] delegate, byte[] key, Function<byte[], Mutation<T>> fn) {
    StoreArgs.checkUser(user);
    byte[] d = StoreArgs.checkDelegate(delegate);
    byte[] k = StoreArgs.checkKey(key);
    Objects.requireNonNull(fn, "fn");
    PgWrites.Update<T> op = new PgWrites.Update<>(nodeId, user, d, k, fn);
    submit(op);
    return op.future;
  }

  @Override
  public CompletableFuture<List<byte[]>> listKeys(String user, byte[] delegate) {
    StoreArgs.checkUser(user);
    byte[] d = StoreArgs.checkDelegate(delegate);
    return onReader(c -> PgReads.listKeys(c, user, d));
  }

  @Override
  public CompletableFuture<List<String>> listUsers() {
    return onReader(PgReads::listUsers);
  }

  @Override
  public CompletableFuture<String> createUser(byte[] tokenHash) {
    byte[] h = StoreArgs.checkTokenHash(tokenHash);
    PgWrites.CreateUser op = new PgWrites.CreateUser(StoreTokens.newUserId(), h);
    submit(op);
    return op.future;
  }

  @Override
  public CompletableFuture<Optional<String>> lookupUserByTokenHash(byte[] tokenHash) {
    byte[] h = StoreArgs.checkTokenHash(tokenHash);
    return onReader(c -> PgReads.lookup(c, h));
  }

  @Override
  public void onRemoteChange(Consumer<StoreChange> listener) {
    changes.add(listener);
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public Stats stats() {
    return new Stats(commits.get(), committed.get(), failed.get(), 0);
  }

  /** Lets every lane commit what it has taken, then closes reads, the listener and the acks. */
  @Override
  public void close() {
    synchronized (submitLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (PgWriteLane lane : lanes) {
      lane.stopAndJoin();
    }
    reads.close();
    changes.close();
    acks.shutdown();
    try {
      acks.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void submit(PgOp op) {
    synchronized (submitLock) {
      if (closed) {
        op.fail(new StoreClosedException("the delegate store is closed"));
        return;
      }
      lanes[Math.floorMod(op.laneKey(), LANES)].enqueue(op);
    }
  }

  private <R> CompletableFuture<R> onReader(PgReads.ReadTask<R> task) {
    synchronized (submitLock) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new StoreClosedException("the delegate store is closed"));
      }
    }
    return reads.submit(task);
  }
}
