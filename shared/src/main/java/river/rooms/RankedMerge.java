package river.rooms;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the sources found at load into one Rooms, highest rank first (the current delegate's
 * per-room state, then legacy delegates newest first, within one delegate per-room keys before its
 * blob). A lower source may add rooms that no higher source mentions, and may add fields to a room
 * a higher source holds (per-field merge, the higher source keeping its identity), but its
 * tombstones never remove a room a higher source holds, and it never revives a room a higher source
 * removed. Hazard it prevents: an old legacy snapshot undoing newer decisions.
 */
public final class RankedMerge {
  private RankedMerge() {}

  /**
   * @param sources highest rank first; must not be empty
   */
  public static Rooms merge(List<Rooms> sources) {
    if (sources.isEmpty()) {
      return Rooms.EMPTY;
    }
    Rooms top = sources.get(0);
    if (sources.size() == 1) {
      // The same value as below, sharing the source's collections: a Rooms' tombstones already
      // exclude its rooms, and only its order may name rooms it does not hold (a legacy blob's).
      // Copying cost a 500-room load two copies of its maps.
      return top.withOrder(MetaMerge.prunedOrder(top.roomOrder(), top));
    }
    TreeMap<RoomKey, RoomData> map = new TreeMap<RoomKey, RoomData>(top.map());
    TreeSet<RoomKey> removed = new TreeSet<RoomKey>(top.removed());
    TreeMap<RoomKey, NotificationMode> modes =
        new TreeMap<RoomKey, NotificationMode>(top.notificationModes());
    RoomKey current = top.currentRoom();
    List<RoomKey> order = top.roomOrder();
    for (int i = 1; i < sources.size(); i++) {
      Rooms lower = sources.get(i);
      for (Map.Entry<RoomKey, RoomData> e : lower.map().entrySet()) {
        RoomKey k = e.getKey();
        RoomData held = map.get(k);
        if (held != null) {
          map.put(k, RoomDataMerge.mergePreferringIdentity(held, e.getValue()));
        } else if (!removed.contains(k)) {
          map.put(k, e.getValue());
        }
      }
      for (RoomKey k : lower.removed()) {
        if (!map.containsKey(k)) {
          removed.add(k);
        }
      }
      for (Map.Entry<RoomKey, NotificationMode> e : lower.notificationModes().entrySet()) {
        if (!modes.containsKey(e.getKey())) {
          modes.put(e.getKey(), e.getValue());
        }
      }
      if (current == null) {
        current = lower.currentRoom();
      }
      if (order.isEmpty()) {
        order = lower.roomOrder();
      }
    }
    Rooms merged = new Rooms(map, removed, current, modes, order);
    return merged.withOrder(MetaMerge.prunedOrder(order, merged));
  }
}
