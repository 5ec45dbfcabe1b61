package river.rooms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Three-way merge of rooms_meta: what this tab last saw in the store (base), what the tab has now
 * (local), and what the store holds now (stored). Per field (current room, room order, each room's
 * notification mode) the tab's value wins only if the user changed it in this tab since the tab
 * last saw the store; otherwise the stored value is kept. So a save never wipes a preference set
 * elsewhere: modes of rooms this tab does not know are kept, and a stale tab does not revert
 * another tab's newer choice. The order has no duplicates and drops rooms this tab has removed;
 * modes of removed rooms are dropped too. Hazard: a two-way "local wins" merge would let any tab
 * that merely loaded an old value write it back over a newer one.
 */
public final class MetaMerge {
  private MetaMerge() {}

  /**
   * @param base the meta this tab last read or wrote; null when it never saw one
   * @param local this tab's meta now
   * @param stored the meta in the store now; null when absent
   * @param removedHere rooms this tab knows were left (their entries are dropped)
   */
  public static RoomsMeta merge(
      RoomsMeta base, RoomsMeta local, RoomsMeta stored, Set<RoomKey> removedHere) {
    RoomsMeta b = base == null ? RoomsMeta.EMPTY : base;
    RoomsMeta s = stored == null ? RoomsMeta.EMPTY : stored;
    RoomKey current =
        same(local.currentRoom(), b.currentRoom()) ? s.currentRoom() : local.currentRoom();
    if (current != null && removedHere.contains(current)) {
      current = null;
    }
    List<RoomKey> order =
        local.roomOrder().equals(b.roomOrder()) ? s.roomOrder() : local.roomOrder();
    TreeSet<RoomKey> keys = new TreeSet<RoomKey>(local.notificationModes().keySet());
    keys.addAll(b.notificationModes().keySet());
    keys.addAll(s.notificationModes().keySet());
    TreeMap<RoomKey, NotificationMode> modes = new TreeMap<RoomKey, NotificationMode>();
    for (RoomKey k : keys) {
      NotificationMode l = local.notificationModes().get(k);
      NotificationMode m = l == b.notificationModes().get(k) ? s.notificationModes().get(k) : l;
      if (m != null && !removedHere.contains(k)) {
        modes.put(k, m);
      }
    }
    return new RoomsMeta(current, modes, clean(order, removedHere));
  }

  private static boolean same(RoomKey a, RoomKey b) {
    return a == null ? b == null : a.equals(b);
  }

  private static List<RoomKey> clean(List<RoomKey> order, Set<RoomKey> removed) {
    LinkedHashSet<RoomKey> out = new LinkedHashSet<RoomKey>();
    for (RoomKey k : order) {
      if (!removed.contains(k)) {
        out.add(k);
      }
    }
    return new ArrayList<RoomKey>(out);
  }

  /** The order as shown: duplicates dropped, only held rooms. */
  public static List<RoomKey> prunedOrder(List<RoomKey> order, Rooms rooms) {
    LinkedHashSet<RoomKey> out = new LinkedHashSet<RoomKey>();
    for (RoomKey k : order) {
      RoomKey held = rooms.heldKey(k); // the held instance: its storage text is already known
      if (held != null) {
        out.add(held);
      }
    }
    return new ArrayList<RoomKey>(out);
  }
}
