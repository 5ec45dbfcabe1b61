package river.engine;

import river.wire.Op;

/**
 * Something the engines ask the host to do: send a delegate request whose response must come back
 * with the same id ({@link #op()} non-null: the frame's {@code Op.Delegate}, delegate key and
 * {@code DelegateRequest}), or call back at a time ({@link #wakeupAt()}, for jittered retry
 * backoff). Ids are unique per tab session and never reused, which is what makes correlation
 * unambiguous: two requests for the same key (a load's Get and a save's GetVersioned, or two legacy
 * delegates' Gets) can never be confused.
 */
public final class Outgoing {
  private final long id;
  private final Op.Delegate op;
  private final long wakeupAt;

  private Outgoing(long id, Op.Delegate op, long wakeupAt) {
    this.id = id;
    this.op = op;
    this.wakeupAt = wakeupAt;
  }

  public static Outgoing request(long id, Op.Delegate op) {
    return new Outgoing(id, op, -1);
  }

  public static Outgoing wakeup(long id, long atMillis) {
    return new Outgoing(id, null, atMillis);
  }

  public long id() {
    return id;
  }

  /** The request to send, or null for a wakeup. */
  public Op.Delegate op() {
    return op;
  }

  public boolean isWakeup() {
    return op == null;
  }

  /** Clock time at which to call back (wakeups only). */
  public long wakeupAt() {
    return wakeupAt;
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return "#" + id + " " + (op == null ? "wakeup@" + wakeupAt : op.msg().variantName());
  }
}
