package river.rooms;

/**
 * The outcome of reconciling one room's stored slot with what this tab wants: write a slot, do not
 * write and adopt a leave made elsewhere, or do not write because the stored bytes are unreadable.
 * A WRITE whose bytes equal the stored bytes is skipped by the engine, not here.
 */
public final class ReconcileDecision {
  public enum Kind {
    WRITE,
    ADOPT_LEAVE,
    SKIP_UNPARSEABLE
  }

  public static final ReconcileDecision ADOPT_LEAVE =
      new ReconcileDecision(Kind.ADOPT_LEAVE, null, null);

  private final Kind kind;
  private final RoomSlot write;
  private final String error;

  private ReconcileDecision(Kind kind, RoomSlot write, String error) {
    this.kind = kind;
    this.write = write;
    this.error = error;
  }

  public static ReconcileDecision write(RoomSlot slot) {
    return new ReconcileDecision(Kind.WRITE, slot, null);
  }

  public static ReconcileDecision skipUnparseable(String error) {
    return new ReconcileDecision(Kind.SKIP_UNPARSEABLE, null, error);
  }

  public Kind kind() {
    return kind;
  }

  /** The slot to write; only for WRITE. */
  public RoomSlot slot() {
    return write;
  }

  public String error() {
    return error;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ReconcileDecision)) {
      return false;
    }
    ReconcileDecision d = (ReconcileDecision) o;
    return kind == d.kind && (write == null ? d.write == null : write.equals(d.write));
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + (write == null ? 0 : write.hashCode());
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return kind == Kind.WRITE ? "Write(" + write + ")" : kind.toString();
  }
}
