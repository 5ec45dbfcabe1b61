package river.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One writer thread and its own connection, with group commit as on SQLite: takes everything
 * queued, applies it in order in one transaction (a SAVEPOINT per op), commits once, then hands the
 * acknowledgements to the store's acks thread. Rows stay locked until the batch commits, so a batch
 * may deadlock with another node's batch; PostgreSQL then aborts one transaction and that batch
 * runs again (nothing of it was acknowledged). A lost connection is dropped and opened again for
 * the next batch; the batch that saw it fails as {@code unavailable} (not acknowledged: the client
 * retries).
 */
final class PgWriteLane {

  private static final int MAX_ATTEMPTS = 20;
  private static final int MAX_BATCH = 512;
  private static final PgOp STOP =
      new PgOp() {
        @Override
        int laneKey() {
          return 0;
        }

        @Override
        void apply(Connection c) {}

        @Override
        void succeed() {}

        @Override
        void fail(Throwable t) {}
      };

  private final String url;
  private final ExecutorService acks;
  private final LinkedBlockingQueue<PgOp> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong commits, committed, failed;
  private Connection conn; // lane thread only

  PgWriteLane(
      String url,
      int index,
      ExecutorService acks,
      AtomicLong commits,
      AtomicLong committed,
      AtomicLong failed) {
    this.url = url;
    this.acks = acks;
    this.commits = commits;
    this.committed = committed;
    this.failed = failed;
    thread = new Thread(this::loop, "river-pg-writer-" + index);
    thread.setDaemon(true);
    thread.start();
  }

  void enqueue(PgOp op) {
    queue.add(op);
  }

  /** Lets the lane finish what is queued, then stops it and closes its connection. */
  void stopAndJoin() {
    queue.add(STOP);
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    List<PgOp> batch = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      batch.clear();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only STOP ends the lane
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      if (batch.get(batch.size() - 1) == STOP) {
        batch.remove(batch.size() - 1); // STOP is queued last: nothing follows it
        stop = true;
      }
      if (!batch.isEmpty()) {
        runBatch(batch);
      }
    }
    PgSchema.closeQuietly(conn);
  }

  /**
   * Applies the batch in order in one transaction, commits once, then acknowledges. If the
   * transaction itself is lost (deadlock with another node's batch, serialization failure) nothing
   * was acknowledged yet and every op is a pure function of what it reads: the whole batch runs
   * again in a fresh transaction. After a statement error it runs again with a savepoint per op. A
   * lost connection fails the batch as unavailable; if it was lost during COMMIT the outcome is
   * unknown (the ops may have landed), which a client sees as a retry answered by a Conflict
   * holding its own value.
   */
  private void runBatch(List<PgOp> batch) {
    boolean isolate = false;
    for (int attempt = 1; ; attempt++) {
      Map<PgOp, Throwable> failures = new IdentityHashMap<>();
      try {
        if (conn == null) {
          conn = PgSchema.connect(url);
        }
        for (PgOp op : batch) {
          apply(op, failures, isolate);
        }
        conn.commit();
      } catch (SQLException e) {
        PgSchema.rollbackQuietly(conn);
        if (PgSchema.connectionLost(e)) {
          PgSchema.closeQuietly(conn);
          conn = null;
        }
        if (isTransient(e) && attempt < MAX_ATTEMPTS) {
          continue;
        }
        if (!isolate && conn != null && !PgSchema.connectionLost(e)) {
          isolate = true; // some op's statement failed: run again with a savepoint per op
          continue;
        }
        failed.addAndGet(batch.size());
        StoreException cause =
            StoreException.of(
                "write failed, nothing of this batch was written: " + e.getMessage(), e, true);
        List<PgOp> all = List.copyOf(batch);
        acks.execute(() -> all.forEach(op -> op.fail(cause)));
        return;
      }
      commits.incrementAndGet();
      failed.addAndGet(failures.size());
      committed.addAndGet(batch.size() - failures.size());
      List<PgOp> done = List.copyOf(batch);
      acks.execute(
          () -> {
            for (PgOp op : done) {
              Throwable t = failures.get(op);
              if (t == null) {
                op.succeed();
              } else {
                op.fail(t);
              }
            }
          });
      return;
    }
  }

  /**
   * One op; an insert race runs it again at once (the other node's row is committed by then). Its
   * own failure (thrown by its function, or an expected refusal) is recorded; a statement error is
   * thrown, failing the transaction. Why savepoints only when {@code isolate}: each costs two round
   * trips, and statement errors are not expected (refusals are found without one); after one, the
   * batch runs again with a savepoint per op so the failing op is rolled back alone.
   */
  private void apply(PgOp op, Map<PgOp, Throwable> failures, boolean isolate) throws SQLException {
    for (int race = 1; ; race++) {
      Savepoint sp = isolate ? conn.setSavepoint() : null;
      try {
        op.apply(conn);
        if (sp != null) {
          conn.releaseSavepoint(sp);
        }
        return;
      } catch (PgOp.Retry r) {
        rollbackTo(sp);
        if (race >= MAX_ATTEMPTS) {
          failures.put(op, new StoreException("too many insert races on one row"));
          return;
        }
      } catch (SQLException e) {
        if (sp == null || isTransient(e) || PgSchema.connectionLost(e)) {
          throw e; // the transaction is gone: the whole batch runs again
        }
        conn.rollback(sp);
        failures.put(op, StoreException.of("write failed: " + e.getMessage(), e, true));
        return;
      } catch (Throwable t) {
        rollbackTo(sp);
        failures.put(op, t);
        return;
      }
    }
  }

  /**
   * Undoes an op that failed before or without a statement error. Without a savepoint nothing of it
   * was written: ops fail (function throws, too large, race) before their write statement.
   */
  private void rollbackTo(Savepoint sp) throws SQLException {
    if (sp != null) {
      conn.rollback(sp);
    }
  }

  /** Serialization failure or deadlock: the server rolled back; running again is safe. */
  private static boolean isTransient(SQLException e) {
    return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
  }
}
