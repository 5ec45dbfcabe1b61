package river.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import river.cbor.ReadOnly;
import river.rooms.NotificationMode;
import river.rooms.RoomKey;
import river.rooms.Rooms;

/**
 * How a backup merges into the current profile. A restore never deletes and never replaces: a room
 * the profile does not hold is joined with the backup's identity ({@link ImportPlan} NEW); a room
 * it holds (the same identity, or another one) is left as it is and counted. The room order keeps
 * the profile's order and appends the restored rooms in the backup's order; a backup's notification
 * mode is taken only for a room that has none. What is written then goes through the normal save
 * rules (join, setOrder, setMode), so a concurrent tab merges as with any join.
 */
public final class RestorePlan {
  private final List<IdentityBlock> toJoin;
  private final int kept;
  private final List<RoomKey> order;
  private final SortedMap<RoomKey, NotificationMode> modes;

  private RestorePlan(
      List<IdentityBlock> toJoin,
      int kept,
      List<RoomKey> order,
      SortedMap<RoomKey, NotificationMode> modes) {
    this.toJoin = ReadOnly.list(toJoin);
    this.kept = kept;
    this.order = ReadOnly.list(order);
    this.modes = ReadOnly.sortedMap(modes);
  }

  public static RestorePlan decide(Rooms current, BackupContents backup) {
    List<IdentityBlock> join = new ArrayList<IdentityBlock>();
    List<RoomKey> joined = new ArrayList<RoomKey>();
    int kept = 0;
    for (IdentityBlock b : backup.identities()) {
      if (current.holds(b.room()) || joined.contains(b.room())) {
        kept++;
      } else {
        join.add(b);
        joined.add(b.room());
      }
    }
    List<RoomKey> order = new ArrayList<RoomKey>(current.roomOrder());
    for (RoomKey k : backup.order()) {
      if (joined.contains(k) && !order.contains(k)) {
        order.add(k);
      }
    }
    for (RoomKey k : joined) {
      if (!order.contains(k)) {
        order.add(k);
      }
    }
    TreeMap<RoomKey, NotificationMode> modes = new TreeMap<RoomKey, NotificationMode>();
    for (Map.Entry<RoomKey, NotificationMode> e : backup.modes().entrySet()) {
      if (joined.contains(e.getKey()) && !current.notificationModes().containsKey(e.getKey())) {
        modes.put(e.getKey(), e.getValue());
      }
    }
    return new RestorePlan(join, kept, order, modes);
  }

  /** Identities to join (rooms the profile does not hold). */
  public List<IdentityBlock> toJoin() {
    return toJoin;
  }

  /** Rooms of the backup the profile already holds, left unchanged. */
  public int kept() {
    return kept;
  }

  /** The room order to save after the joins. */
  public List<RoomKey> order() {
    return order;
  }

  /** Notification modes to set (restored rooms only). */
  public SortedMap<RoomKey, NotificationMode> modes() {
    return modes;
  }
}
