package river.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which rooms a save must write: a snapshot of ROOMS compared with the tab's slot cache and its
 * pending leaves. A held room is written when its Present slot differs from the cached one; a
 * removed room is written as Tombstone only when the user left it in this tab and no Tombstone has
 * been written or seen since (a pending leave). Hazard it prevents: a tab re-writing a tombstone it
 * merely loaded or adopted, which would undo another tab's later rejoin. Pending leaves are tracked
 * explicitly rather than guessed from the cache, because a room dropped by a background adoption
 * and then re-written Present by this tab would otherwise look like a leave.
 */
public final class SlotDiff {
  private SlotDiff() {}

  public static List<SlotChange> changes(
      Rooms snapshot, SlotCache cache, Set<RoomKey> pendingLeaves) {
    List<SlotChange> out = new ArrayList<SlotChange>();
    for (RoomData data : snapshot.map().values()) {
      RoomSlot wanted = RoomSlot.present(data);
      if (!wanted.equals(cache.get(data.owner()))) {
        out.add(new SlotChange(data.owner(), wanted));
      }
    }
    for (RoomKey key : snapshot.removed()) {
      if (pendingLeaves.contains(key)) {
        out.add(new SlotChange(key, RoomSlot.TOMBSTONE));
      }
    }
    return out;
  }
}
