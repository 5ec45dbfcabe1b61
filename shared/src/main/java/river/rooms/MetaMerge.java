package river.rooms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merge of this tab's rooms_meta with the stored one. This tab decides the current room, the
 * modes of rooms it holds and the order; modes of rooms it does not know (neither held nor
 * removed here: another tab's new room) are kept from the stored copy so a save here cannot wipe
 * a preference set elsewhere. The order has no duplicates and lists only rooms this tab holds.
 */
public final class MetaMerge {
  private MetaMerge() {}

  public static RoomsMeta merge(Rooms local, RoomsMeta stored) {
    TreeMap<RoomKey, NotificationMode> modes = new TreeMap<RoomKey, NotificationMode>();
    if (stored != null) {
      for (Map.Entry<RoomKey, NotificationMode> e : stored.notificationModes().entrySet()) {
        RoomKey k = e.getKey();
        if (!local.holds(k) && !local.removed().contains(k)) {
          modes.put(k, e.getValue());
        }
      }
    }
    for (Map.Entry<RoomKey, NotificationMode> e : local.notificationModes().entrySet()) {
      if (local.holds(e.getKey())) {
        modes.put(e.getKey(), e.getValue());
      }
    }
    LinkedHashSet<RoomKey> order = new LinkedHashSet<RoomKey>();
    for (RoomKey k : local.roomOrder()) {
      if (local.holds(k)) {
        order.add(k);
      }
    }
    return new RoomsMeta(local.currentRoom(), modes, new ArrayList<RoomKey>(order));
  }

  /** The order as a clean list: duplicates dropped, only held rooms (used when applying meta). */
  public static List<RoomKey> prunedOrder(List<RoomKey> order, Rooms rooms) {
    LinkedHashSet<RoomKey> out = new LinkedHashSet<RoomKey>();
    for (RoomKey k : order) {
      if (rooms.holds(k)) {
        out.add(k);
      }
    }
    return new ArrayList<RoomKey>(out);
  }
}
