package river.rooms;

import java.util.HashMap;
import java.util.Map;

/**
 * Per tab: the slot state this tab last read or wrote for each room, with the store generation it
 * was seen at (0 when read by a plain Get, which does not report generations). It is the baseline
 * of "what did the user do in this tab since this tab last saw the slot": a save writes only rooms
 * whose wanted slot differs from it. Hazard: a stale observation (an old push arriving after a
 * newer write landed) must not replace a newer one, so {@link #learn} keeps the newer generation.
 */
public final class SlotCache {
  private final Map<RoomKey, RoomSlot> slots = new HashMap<RoomKey, RoomSlot>();
  private final Map<RoomKey, Long> generations = new HashMap<RoomKey, Long>();

  /** The last slot this tab saw for the room, or null. */
  public RoomSlot get(RoomKey key) {
    return slots.get(key);
  }

  /** Generation of the cached slot; -1 when nothing is cached. */
  public long generation(RoomKey key) {
    Long g = generations.get(key);
    return g == null ? -1 : g;
  }

  /**
   * Records a slot seen in the store at a generation. Returns false (and keeps the cache) when the
   * cache already holds a strictly newer generation.
   */
  public boolean learn(RoomKey key, RoomSlot slot, long generation) {
    Long g = generations.get(key);
    if (g != null && g > generation) {
      return false;
    }
    slots.put(key, slot);
    generations.put(key, generation);
    return true;
  }

  /** Forgets the room (an unreadable slot: treat as never seen). */
  public void forget(RoomKey key) {
    slots.remove(key);
    generations.remove(key);
  }

  public int size() {
    return slots.size();
  }
}
