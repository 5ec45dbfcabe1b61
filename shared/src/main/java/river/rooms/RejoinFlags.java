package river.rooms;

import java.util.HashMap;
import java.util.Map;

/**
 * The per-tab, session-scoped set of rooms the user explicitly (re)joined in this tab (accepted an
 * invitation, imported an identity). A rejoin lets this tab overwrite a Tombstone left by another
 * tab; without the flag, a Tombstone wins (the update was a background one). Never stored, never
 * shared. Each mark gets a fresh epoch so that a save which started before a later leave + rejoin
 * cannot consume the newer flag when its older write lands.
 */
public final class RejoinFlags {
  private final Map<RoomKey, Long> epochs = new HashMap<RoomKey, Long>();
  private long nextEpoch = 1;

  /** The user explicitly joined or rejoined the room in this tab. */
  public void mark(RoomKey key) {
    epochs.put(key, nextEpoch++);
  }

  /** The user left the room in this tab: a stale flag must not resurrect it later. */
  public void clear(RoomKey key) {
    epochs.remove(key);
  }

  public boolean isSet(RoomKey key) {
    return epochs.containsKey(key);
  }

  /** The epoch of the current flag, or 0 when unset. */
  public long epoch(RoomKey key) {
    Long e = epochs.get(key);
    return e == null ? 0 : e;
  }

  /**
   * A Present write made under the given epoch landed: the flag has done its job. Returns whether
   * it was consumed (false when the flag is unset or was re-marked since).
   */
  public boolean consume(RoomKey key, long epoch) {
    Long e = epochs.get(key);
    if (e != null && e == epoch) {
      epochs.remove(key);
      return true;
    }
    return false;
  }
}
