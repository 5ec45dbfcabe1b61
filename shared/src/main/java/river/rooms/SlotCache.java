package river.rooms;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
  private final Map<RoomKey, Long> announced = new HashMap<RoomKey, Long>();
  private final Set<RoomKey> changedElsewhere = new HashSet<RoomKey>();

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
    changedElsewhere.remove(key);
    return true;
  }

  /**
   * Like {@link #learn}, for a slot another tab wrote (seen by a push re-read or a resync): until
   * this tab learns the slot otherwise (its own write lands), {@link #changedElsewhere} is true.
   */
  public boolean learnChangedElsewhere(RoomKey key, RoomSlot slot, long generation) {
    if (!learn(key, slot, generation)) {
      return false;
    }
    changedElsewhere.add(key);
    return true;
  }

  /**
   * Whether the cached slot was last written by another tab: others are changing the room, and a
   * write guessed from the cache is likely to find it moved on again.
   */
  public boolean changedElsewhere(RoomKey key) {
    return changedElsewhere.contains(key);
  }

  /**
   * A push said the store holds the room at this generation (the value is not known yet: the tab
   * re-reads it). Until a slot at least that new is learned, {@link #isBehind} is true.
   */
  public void announce(RoomKey key, long generation) {
    Long a = announced.get(key);
    if (a == null || a < generation) {
      announced.put(key, generation);
    }
  }

  /**
   * Whether the store is known to hold a newer slot than the cached one (announced by a push, not
   * yet read): a write guessed from the cache would surely conflict.
   */
  public boolean isBehind(RoomKey key) {
    Long a = announced.get(key);
    return a != null && a > generation(key);
  }

  /** Whether the store is known to hold the room at a generation newer than the given one. */
  public boolean knownNewerThan(RoomKey key, long generation) {
    Long a = announced.get(key);
    return Math.max(a == null ? -1 : a, generation(key)) > generation;
  }

  /** Forgets the room (an unreadable slot: treat as never seen). */
  public void forget(RoomKey key) {
    slots.remove(key);
    generations.remove(key);
    announced.remove(key);
    changedElsewhere.remove(key);
  }

  public int size() {
    return slots.size();
  }
}
