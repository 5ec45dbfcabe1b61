package river.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One writer thread and its own connection: takes its ops in order, one transaction each, commits,
 * then hands the acknowledgement to the store's acks thread. Why one transaction per op (no batch):
 * rows locked by one node's batch could deadlock against another node's batch; concurrent commits
 * of the lanes (and of other nodes) already share WAL flushes on the server (its group commit).
 * A lost connection is dropped and opened again for the next op; the op that saw it fails as
 * {@code unavailable} (its outcome was not acknowledged, so the client retries).
 */
final class PgWriteLane {

  private static final int MAX_ATTEMPTS = 20;
  private static final PgOp STOP = new PgOp() {
    @Override int laneKey() {
      return 0;
    }

    @Override void apply(Connection c) {
    }

    @Override void succeed() {
    }

    @Override void fail(Throwable t) {
    }
  };

  private final String url;
  private final ExecutorService acks;
  private final LinkedBlockingQueue<PgOp> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong commits, failed;
  private Connection conn; // lane thread only

  PgWriteLane(String url, int index, ExecutorService acks, AtomicLong commits, AtomicLong failed) {
    this.url = url;
    this.acks = acks;
    this.commits = commits;
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
    while (true) {
      PgOp op;
      try {
        op = queue.take();
      } catch (InterruptedException e) {
        continue; // only STOP ends the lane
      }
      if (op == STOP) {
        break;
      }
      run(op);
    }
    PgSchema.closeQuietly(conn);
  }

  private void run(PgOp op) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (conn == null) {
          conn = PgSchema.connect(url);
        }
        op.apply(conn);
        conn.commit();
        commits.incrementAndGet();
        acks.execute(op::succeed);
        return;
      } catch (PgOp.Retry | SQLException e) {
        PgSchema.rollbackQuietly(conn);
        boolean again = e instanceof PgOp.Retry || isTransient((SQLException) e);
        if (e instanceof SQLException s && PgSchema.connectionLost(s)) {
          PgSchema.closeQuietly(conn);
          conn = null;
        }
        if (again && attempt < MAX_ATTEMPTS) {
          continue;
        }
        failed.incrementAndGet();
        Throwable cause = e instanceof PgOp.Retry ? new StoreException("too many insert races on one row") : e;
        acks.execute(() -> op.fail(StoreException.of("write failed: " + cause.getMessage(), cause, true)));
        return;
      } catch (Throwable t) {
        PgSchema.rollbackQuietly(conn);
        failed.incrementAndGet();
        acks.execute(() -> op.fail(t));
        return;
      }
    }
  }

  /** Serialization failure or deadlock: the server rolled back; running again is safe. */
  private static boolean isTransient(SQLException e) {
    return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
  }
}
