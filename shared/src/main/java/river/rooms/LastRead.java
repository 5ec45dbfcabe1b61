package river.rooms;

/**
 * The last message this user has read in a room: the message id plus a position that only grows
 * (the message's order in the room). The position is what makes "last-read never moves backwards"
 * decidable when two tabs merge; ids alone are not ordered. Ties on position break by id bytes so
 * the merge stays commutative.
 */
public final class LastRead {
  public static final LastRead NONE = new LastRead(0, Bytes.EMPTY);

  private final long position;
  private final Bytes messageId;

  public LastRead(long position, Bytes messageId) {
    if (position < 0) {
      throw new IllegalArgumentException("negative position");
    }
    if (messageId == null) {
      throw new IllegalArgumentException("null message id");
    }
    this.position = position;
    this.messageId = messageId;
  }

  public long position() {
    return position;
  }

  public Bytes messageId() {
    return messageId;
  }

  /** The later of two marks; equal positions pick the larger id so either argument order agrees. */
  public static LastRead later(LastRead a, LastRead b) {
    if (a.position != b.position) {
      return a.position > b.position ? a : b;
    }
    return a.messageId.compareTo(b.messageId) >= 0 ? a : b;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LastRead)) {
      return false;
    }
    LastRead r = (LastRead) o;
    return position == r.position && messageId.equals(r.messageId);
  }

  @Override
  public int hashCode() {
    return (int) (position * 31) ^ messageId.hashCode();
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return "read@" + position;
  }
}
