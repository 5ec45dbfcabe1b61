package river.rooms;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Conversions between the per-room storage layout and the Rooms model: rebuilding Rooms from slots
 * + rooms_meta (Present → held, Tombstone → removed, meta applied), and exploding a legacy
 * `rooms_data` blob into the slots + meta that replace it. explode then rebuild gives back the same
 * Rooms (the migration format contract). Hazard: a room order naming rooms that are not held would
 * show ghosts, so the rebuilt order is pruned to held rooms.
 */
public final class RoomsRebuild {
  private RoomsRebuild() {}

  /**
   * @param meta may be null (no rooms_meta stored)
   */
  public static Rooms fromSlots(Map<RoomKey, RoomSlot> slots, RoomsMeta meta) {
    TreeMap<RoomKey, RoomData> map = new TreeMap<RoomKey, RoomData>();
    TreeSet<RoomKey> removed = new TreeSet<RoomKey>();
    for (Map.Entry<RoomKey, RoomSlot> e : slots.entrySet()) {
      if (e.getValue().isPresent()) {
        map.put(e.getKey(), e.getValue().data());
      } else {
        removed.add(e.getKey());
      }
    }
    Rooms rooms = Rooms.adopt(map, removed);
    if (meta == null) {
      return rooms;
    }
    return rooms.withMeta(
        new RoomsMeta(
            meta.currentRoom(),
            meta.notificationModes(),
            MetaMerge.prunedOrder(meta.roomOrder(), rooms)));
  }

  /** The per-room slots equivalent to a whole Rooms value (held → Present, removed → Tombstone). */
  public static SortedMap<RoomKey, RoomSlot> explode(Rooms rooms) {
    TreeMap<RoomKey, RoomSlot> out = new TreeMap<RoomKey, RoomSlot>();
    for (RoomData d : rooms.map().values()) {
      out.put(d.owner(), RoomSlot.present(d));
    }
    for (RoomKey k : rooms.removed()) {
      out.put(k, RoomSlot.TOMBSTONE);
    }
    return out;
  }
}
