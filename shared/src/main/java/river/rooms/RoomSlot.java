package river.rooms;

/**
 * The value of one `room:<base58>` delegate key: either Present(RoomData) or Tombstone (the user
 * left the room). Leaving writes a Tombstone instead of deleting the key because a delete resets
 * the CAS generation (ABA). Hazard: a Tombstone carries no data, so whoever overwrites it with
 * Present must hold a full RoomData of its own.
 */
public final class RoomSlot {
  public static final RoomSlot TOMBSTONE = new RoomSlot(null);

  private final RoomData data;

  private RoomSlot(RoomData data) {
    this.data = data;
  }

  public static RoomSlot present(RoomData data) {
    if (data == null) {
      throw new IllegalArgumentException("present slot needs data");
    }
    return new RoomSlot(data);
  }

  public boolean isPresent() {
    return data != null;
  }

  public boolean isTombstone() {
    return data == null;
  }

  /** The room data; only for a present slot. */
  public RoomData data() {
    if (data == null) {
      throw new IllegalStateException("tombstone has no data");
    }
    return data;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RoomSlot)) {
      return false;
    }
    RoomSlot s = (RoomSlot) o;
    return data == null ? s.data == null : data.equals(s.data);
  }

  @Override
  public int hashCode() {
    return data == null ? 0 : data.hashCode();
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return data == null ? "Tombstone" : "Present(" + data + ")";
  }
}
