package river.rooms;

/**
 * A room's identity: the owner's 32-byte Ed25519 verifying key. Ordered by bytes so that every tab
 * iterates rooms in the same order (deterministic encodings and saves). Hazard: accepting any other
 * length would create slot keys no other client can parse, so the constructor refuses it.
 */
public final class RoomKey implements Comparable<RoomKey> {
  public static final int LENGTH = 32;

  private final Bytes bytes;

  /** Memo of RoomStorageKeys.roomKey(this): base58 is quadratic and keys are formatted often. */
  String storageKey;

  private RoomKey(Bytes bytes) {
    this.bytes = bytes;
  }

  public static RoomKey of(Bytes bytes) {
    if (bytes == null || bytes.length() != LENGTH) {
      throw new IllegalArgumentException(
          "room key must be "
              + LENGTH
              + " bytes, got "
              + (bytes == null ? "null" : bytes.length()));
    }
    return new RoomKey(bytes);
  }

  public Bytes bytes() {
    return bytes;
  }

  @Override
  public int compareTo(RoomKey o) {
    return bytes.compareTo(o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof RoomKey && bytes.equals(((RoomKey) o).bytes));
  }

  @Override
  public int hashCode() {
    if (!hashed) {
      hash = bytes.hashCode();
      hashed = true;
    }
    return hash;
  }

  /**
   * The hash, computed once: room keys are looked up in the app's sets and maps several times per
   * room per redraw (5,000 rooms), and Bytes hashes all 32 bytes each time.
   */
  private int hash;

  private boolean hashed;

  @Override
  public String toString() {
    return "room:" + bytes.toHex().substring(0, 8);
  }
}
