package river.rooms;

/** One room a save must write: its key and the slot this tab wants there (a snapshot value). */
public final class SlotChange {
  private final RoomKey key;
  private final RoomSlot wanted;

  public SlotChange(RoomKey key, RoomSlot wanted) {
    this.key = key;
    this.wanted = wanted;
  }

  public RoomKey key() {
    return key;
  }

  public RoomSlot wanted() {
    return wanted;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlotChange
        && key.equals(((SlotChange) o).key)
        && wanted.equals(((SlotChange) o).wanted);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + wanted.hashCode();
  }

  // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
  @river.cbor.GwtIncompatible
  @Override
  public String toString() {
    return key + "->" + wanted;
  }
}
