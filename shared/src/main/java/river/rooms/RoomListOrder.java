package river.rooms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order rooms are listed in, and how a drag or a keyboard move changes it. Display order: the
 * user's {@code room_order} first (duplicates and rooms no longer held dropped), then every other
 * held room by key, so a room that another tab just added shows up at the end instead of shuffling
 * the list. A move stores the whole display order as the new {@code room_order}.
 */
public final class RoomListOrder {
  private RoomListOrder() {}

  public static List<RoomKey> display(Rooms rooms) {
    Set<RoomKey> out = new LinkedHashSet<RoomKey>(MetaMerge.prunedOrder(rooms.roomOrder(), rooms));
    out.addAll(rooms.map().keySet());
    return new ArrayList<RoomKey>(out);
  }

  /**
   * The order after moving {@code key} to position {@code index} (clamped); unchanged when absent.
   */
  public static List<RoomKey> moveTo(List<RoomKey> display, RoomKey key, int index) {
    List<RoomKey> out = new ArrayList<RoomKey>(display);
    if (!out.remove(key)) {
      return out;
    }
    int at = Math.max(0, Math.min(index, out.size()));
    out.add(at, key);
    return out;
  }

  /** Keyboard move: {@code delta} -1 moves up one place, +1 down one place. */
  public static List<RoomKey> moveBy(List<RoomKey> display, RoomKey key, int delta) {
    int from = display.indexOf(key);
    if (from < 0) {
      return new ArrayList<RoomKey>(display);
    }
    return moveTo(display, key, from + delta);
  }

  /** Drag and drop: {@code key} dropped onto {@code target} takes the target's place. */
  public static List<RoomKey> dropOn(List<RoomKey> display, RoomKey key, RoomKey target) {
    int to = display.indexOf(target);
    if (to < 0 || key.equals(target)) {
      return new ArrayList<RoomKey>(display);
    }
    return moveTo(display, key, to);
  }
}
