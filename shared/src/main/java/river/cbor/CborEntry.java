package river.cbor;

/** One key/value pair of a CBOR map. Keys may be any item (RFC 8949 §3.1 major type 5). */
public final class CborEntry {
  private final CborItem key;
  private final CborItem value;

  public CborEntry(CborItem key, CborItem value) {
    if (key == null || value == null) {
      throw new NullPointerException("map key and value must not be null (use CborItem.NULL)");
    }
    this.key = key;
    this.value = value;
  }

  public CborItem key() {
    return key;
  }

  public CborItem value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CborEntry)) {
      return false;
    }
    CborEntry other = (CborEntry) o;
    return key.equals(other.key) && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + value.hashCode();
  }
}
