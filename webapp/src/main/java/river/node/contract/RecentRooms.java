package river.node.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import river.room.RoomState;

/**
 * The room states the contract host keeps decoded in memory: the most recently used ones, at most
 * {@code capacity}. A room that falls out is read (and decoded) from the store again on its next
 * operation, so a node hosting many rooms holds a bounded amount of them, not all it ever served.
 * Thread-safe; the host already runs each room's operations one at a time.
 */
final class RecentRooms {
  static final int DEFAULT_CAPACITY = 1024;

  private final Map<String, RoomState> states;

  RecentRooms(int capacity) {
    this.states =
        new LinkedHashMap<String, RoomState>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, RoomState> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized RoomState get(String key) {
    return states.get(key);
  }

  synchronized void put(String key, RoomState state) {
    states.put(key, state);
  }

  /** Forgets one room (another node changed it: the next load re-reads the store). */
  synchronized void remove(String key) {
    states.remove(key);
  }

  synchronized void clear() {
    states.clear();
  }

  synchronized int size() {
    return states.size();
  }
}
