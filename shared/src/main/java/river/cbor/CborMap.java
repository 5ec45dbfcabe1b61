package river.cbor;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds CBOR map items whose entries keep the insertion order: each wire message fixes its own
 * field order, and the encoder writes entries exactly in that order so equal messages give equal
 * bytes. Duplicate keys are refused (hazard: with duplicates, two readers may pick different values
 * for the same field).
 */
public final class CborMap {
  private CborMap() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Accumulates entries in order; {@link #build()} returns an immutable map item. */
  public static final class Builder {
    private final List<CborEntry> entries = new ArrayList<CborEntry>();
    private final MapKeys keys = new MapKeys(entries);

    private Builder() {}

    public Builder put(String key, CborItem value) {
      return put(CborItem.text(key), value);
    }

    public Builder put(CborItem key, CborItem value) {
      if (!keys.add(key)) {
        throw new IllegalArgumentException("duplicate map key " + key);
      }
      entries.add(new CborEntry(key, value));
      return this;
    }

    public CborItem build() {
      return CborItem.mapTrusted(new ArrayList<CborEntry>(entries), false);
    }
  }
}
