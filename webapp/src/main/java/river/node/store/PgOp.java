package river.node.store;

import java.sql.Connection;

/**
 * One write to the PostgreSQL store, applied in its own transaction on a write lane ({@link
 * PgWriteLane}). Hazard: {@link #apply} may run more than once (a retried insert race or
 * serialization failure), so it must only derive its effects from what it reads.
 */
abstract class PgOp {

  /** Asks the lane to roll back and run the op again (another node inserted the row first). */
  static final class Retry extends Exception {
    Retry() {
      super(null, null, false, false);
    }
  }

  /** Which lane: ops with the same lane key apply in submission order. */
  abstract int laneKey();

  /** Runs inside the transaction; the lane commits after it returns. */
  abstract void apply(Connection c) throws Exception;

  /** After COMMIT returned. */
  abstract void succeed();

  abstract void fail(Throwable t);
}
