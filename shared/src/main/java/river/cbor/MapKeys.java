package river.cbor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys of one map being built or decoded, to refuse a duplicate. A wire message's map has a
 * handful of keys, so up to {@link #LINEAR_MAX} they are compared one by one against the entries
 * already there (no set, no hashing: in the node's CAS profile the per-map hash set was about a
 * tenth of decoding and encoding a frame); past that a hash set keeps big maps linear.
 */
final class MapKeys {
  static final int LINEAR_MAX = 8;

  private final List<CborEntry> entries;
  private Set<CborItem> set; // only once the map has LINEAR_MAX entries

  /** {@code entries}: the map's entries so far; each key passed to {@link #add} is added next. */
  MapKeys(List<CborEntry> entries) {
    this.entries = entries;
  }

  /** False if {@code key} is already a key of the map; call it before adding the key's entry. */
  boolean add(CborItem key) {
    if (set == null) {
      if (entries.size() < LINEAR_MAX) {
        for (int i = 0; i < entries.size(); i++) {
          if (entries.get(i).key().equals(key)) {
            return false;
          }
        }
        return true;
      }
      set = new HashSet<CborItem>();
      for (int i = 0; i < entries.size(); i++) {
        set.add(entries.get(i).key());
      }
    }
    return set.add(key);
  }
}
