package river.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single writer thread: takes everything queued, applies it in order in one transaction with
 * one SAVEPOINT per op, commits once (group commit) and only then hands the acknowledgements to the
 * separate "acks" thread, in commit order. Handles a failed op (roll back to its savepoint,
 * re-prepare the statements), a transaction SQLite aborted by itself (replay the earlier ops in a
 * fresh transaction, once), and a failed COMMIT (fail the whole batch). Hazard: nothing may
 * complete a future before COMMIT returned, no caller code may run on this thread, and the thread
 * must survive every exception (only {@link WriteOp#POISON} ends it).
 */
final class StoreWriter {

  private static final int MAX_BATCH = 4096;

  private final LinkedBlockingQueue<WriteOp> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final ExecutorService
      acks; // completes write futures, in commit order, off the writer thread
  private final WriterStatements w;
  private boolean inTransaction; // writer thread only
  private boolean transactionLost; // writer thread only
  private Throwable lostCause; // writer thread only

  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong committedOps = new AtomicLong();
  private final AtomicLong failedOps = new AtomicLong();
  private final AtomicLong lostBatches = new AtomicLong();

  /**
   * Prepares the writer's statements on {@code conn} (closing it if that fails); see {@link
   * #start}.
   */
  StoreWriter(Connection conn) throws SQLException {
    try {
      w = new WriterStatements(conn);
    } catch (SQLException | RuntimeException e) {
      SqliteSetup.closeQuietly(conn);
      throw e;
    }
    acks =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "river-store-acks");
              t.setDaemon(true);
              return t;
            });
    writer = new Thread(this::writerLoop, "river-store-writer");
    writer.setDaemon(true);
  }

  void start() {
    writer.start();
  }

  /** Queues an op for the next batch; the caller serializes this against {@link #enqueuePoison}. */
  void enqueue(WriteOp op) {
    queue.add(op);
  }

  /** The writer commits everything queued before this, then stops. */
  void enqueuePoison() {
    queue.add(WriteOp.POISON);
  }

  /**
   * Waits for the writer thread to stop, then for every acknowledgement it handed over (30 s at
   * most). True if the calling thread was interrupted while waiting (the caller restores the flag).
   */
  boolean awaitStopped() {
    boolean interrupted = false;
    while (true) {
      try {
        writer.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    acks.shutdown(); // after the writer: every ack it handed over still runs
    try {
      acks.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    return interrupted;
  }

  void closeConnection() {
    SqliteSetup.closeQuietly(w.conn);
  }

  DelegateStore.Stats stats() {
    return new DelegateStore.Stats(
        commits.get(), committedOps.get(), failedOps.get(), lostBatches.get());
  }

  private void writerLoop() {
    List<WriteOp> batch = new ArrayList<>();
    List<WriteOp> applied = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      batch.clear();
      applied.clear();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only close() ends the writer, through POISON
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      try {
        for (WriteOp op : batch) {
          if (op == WriteOp.POISON) {
            stop = true; // POISON is queued last: nothing follows it
            continue;
          }
          if (applyOne(op)) {
            applied.add(op);
          } else if (transactionLost) {
            transactionLost = false;
            replay(applied);
          }
        }
        if (inTransaction) {
          try {
            w.commit.execute();
            inTransaction = false;
          } catch (Throwable t) {
            rollbackQuietly();
            w.repair();
            lostBatches.incrementAndGet();
            failAll(
                applied,
                StoreException.of(
                    "commit failed, nothing of this batch was written: " + t.getMessage(),
                    t,
                    true));
            continue;
          }
          commits.incrementAndGet();
          committedOps.addAndGet(applied.size());
        }
        if (!applied.isEmpty()) {
          List<WriteOp> done = List.copyOf(applied);
          acks.execute(
              () -> {
                for (WriteOp op : done) {
                  op.succeed();
                }
              });
        }
      } catch (Throwable t) {
        // Should not happen (applyOne catches everything), but never let the writer die.
        rollbackQuietly();
        lostBatches.incrementAndGet();
        for (WriteOp op : batch) {
          ackFailure(op, StoreException.of("write batch failed: " + t, t, true));
        }
      }
    }
    // close(): everything before POISON has been committed; nothing can be queued after it.
    for (WriteOp op; (op = queue.poll()) != null; ) {
      op.fail(new StoreClosedException("the delegate store is closed"));
    }
  }

  /**
   * SQLite aborted the whole transaction while applying a later op (the failing op is already
   * failed). The ops in {@code applied} were rolled back with it but nobody has been told anything
   * yet: apply them again, in order, in the fresh transaction. They see exactly the state they saw
   * the first time. If the transaction is lost again, give up on them.
   */
  private void replay(List<WriteOp> applied) {
    w.repair(); // rolling back the transaction closed some of them
    List<WriteOp> redo = new ArrayList<>(applied);
    applied.clear();
    for (int i = 0; i < redo.size(); i++) {
      WriteOp r = redo.get(i);
      if (applyOne(r)) {
        applied.add(r);
      } else if (transactionLost) {
        transactionLost = false;
        applied.addAll(redo.subList(i + 1, redo.size()));
        failAll(applied, lostCause);
        applied.clear();
        return;
      }
    }
  }

  /**
   * Applies one op in its own savepoint, opening the batch's transaction first if needed. False if
   * it failed (its future is already failed).
   */
  private boolean applyOne(WriteOp op) {
    try {
      if (!inTransaction) {
        w.begin.execute();
        inTransaction = true;
      }
      w.savepoint.execute();
    } catch (Throwable t) {
      w.repair();
      ackFailure(op, StoreException.of("cannot start the write: " + t.getMessage(), t, true));
      failedOps.incrementAndGet();
      return false;
    }
    try {
      op.apply(w);
      w.release.execute();
      return true;
    } catch (Throwable t) {
      failedOps.incrementAndGet();
      w.repair();
      try {
        w.rollbackTo.execute();
        w.release.execute();
      } catch (Throwable lost) {
        // SQLite aborted the whole transaction (e.g. SQLITE_FULL / IOERR): earlier ops are gone.
        w.repair();
        transactionLost = true;
        lostCause =
            StoreException.of(
                "the write transaction was aborted by the database ("
                    + t.getMessage()
                    + "); nothing of this batch was written",
                t,
                true);
        lostBatches.incrementAndGet();
        rollbackQuietly();
      }
      ackFailure(
          op,
          t instanceof SQLException
              ? StoreException.of("write failed: " + t.getMessage(), t, true)
              : t);
      return false;
    }
  }

  /**
   * Ends the transaction whatever state it is in (ROLLBACK fails harmlessly if SQLite already did
   * it).
   */
  private void rollbackQuietly() {
    inTransaction = false;
    try {
      w.rollback.execute();
    } catch (Throwable ignored) {
      // no transaction was active, or the connection is beyond help (the next op reports it)
    }
  }

  private void failAll(List<WriteOp> ops, Throwable cause) {
    for (WriteOp op : ops) {
      failedOps.incrementAndGet();
      ackFailure(op, cause);
    }
  }

  /** Failures go through the ack thread too, so no caller code ever runs on the writer thread. */
  private void ackFailure(WriteOp op, Throwable cause) {
    acks.execute(() -> op.fail(cause));
  }
}
