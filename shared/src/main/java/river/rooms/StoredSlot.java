package river.rooms;

/**
 * What a read of a room's slot found: nothing, a parsed slot, or bytes that do not parse (a newer
 * client's format, or corruption). Keeping "unparseable" as its own case forces every decision to
 * say what it does with it; the rule is: never overwrite what we cannot read.
 */
public final class StoredSlot {
  public enum Kind {
    ABSENT,
    PRESENT,
    TOMBSTONE,
    UNPARSEABLE
  }

  public static final StoredSlot ABSENT = new StoredSlot(Kind.ABSENT, null, null);
  public static final StoredSlot TOMBSTONE =
      new StoredSlot(Kind.TOMBSTONE, RoomSlot.TOMBSTONE, null);

  private final Kind kind;
  private final RoomSlot slot;
  private final String error;

  private StoredSlot(Kind kind, RoomSlot slot, String error) {
    this.kind = kind;
    this.slot = slot;
    this.error = error;
  }

  public static StoredSlot of(RoomSlot slot) {
    return slot.isPresent() ? new StoredSlot(Kind.PRESENT, slot, null) : TOMBSTONE;
  }

  public static StoredSlot unparseable(String error) {
    return new StoredSlot(Kind.UNPARSEABLE, null, error);
  }

  /** Decodes stored bytes (null = absent) with the given codec; bad bytes become UNPARSEABLE. */
  public static StoredSlot decode(RoomsCodec codec, byte[] bytes) {
    if (bytes == null) {
      return ABSENT;
    }
    try {
      return of(codec.decodeSlot(bytes));
    } catch (RoomsDecodeException e) {
      return unparseable(e.getMessage());
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The parsed slot; only for PRESENT and TOMBSTONE. */
  public RoomSlot slot() {
    return slot;
  }

  public String error() {
    return error;
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return kind == Kind.UNPARSEABLE ? "Unparseable(" + error + ")" : kind.toString();
  }
}
