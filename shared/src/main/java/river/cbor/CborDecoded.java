package river.cbor;

/** Result of reading one item from an offset: the item and the offset just after it. */
public final class CborDecoded {
  private final CborItem item;
  private final int end;

  CborDecoded(CborItem item, int end) {
    this.item = item;
    this.end = end;
  }

  public CborItem item() {
    return item;
  }

  /** Offset of the first byte after the item. */
  public int end() {
    return end;
  }
}
