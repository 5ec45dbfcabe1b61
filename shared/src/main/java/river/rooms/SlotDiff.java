package river.rooms;

import java.util.ArrayList;
import java.util.List;

/**
 * Which rooms a save must write: a snapshot of ROOMS compared with the tab's slot cache. A held
 * room is written when its Present slot differs from the cached one; a removed room is written
 * as Tombstone only when the cache does not already say Tombstone (a leave made in this tab and
 * not yet written). Hazard it prevents: a tab re-writing a tombstone it merely loaded, which
 * would undo another tab's later rejoin.
 */
public final class SlotDiff {
  private SlotDiff() {}

  public static List<SlotChange> changes(Rooms snapshot, SlotCache cache) {
    List<SlotChange> out = new ArrayList<SlotChange>();
    for (RoomData data : snapshot.map().values()) {
      RoomSlot wanted = RoomSlot.present(data);
      if (!wanted.equals(cache.get(data.owner()))) {
        out.add(new SlotChange(data.owner(), wanted));
      }
    }
    for (RoomKey key : snapshot.removed()) {
      if (isPendingLeave(snapshot, cache, key)) {
        out.add(new SlotChange(key, RoomSlot.TOMBSTONE));
      }
    }
    return out;
  }

  /** The room is removed in this tab but the tab has not yet seen a Tombstone for it. */
  public static boolean isPendingLeave(Rooms rooms, SlotCache cache, RoomKey key) {
    if (!rooms.removed().contains(key)) {
      return false;
    }
    RoomSlot cached = cache.get(key);
    return cached == null || cached.isPresent();
  }
}
