package river.client.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import river.chat.RoomBurst;
import river.engine.TabSession;
import river.rooms.RoomKey;
import river.rooms.Rooms;

/**
 * What the rooms screen's last full render drew from (the rooms value, the shown room, the load
 * state, the display order), the rooms whose state arrived since, and each room's share of the tab
 * title's count. With it a burst of room states (5,000 at start-up with 5,000 rooms) redraws only
 * its rooms when {@link RoomBurst} says nothing else changed, instead of all 5,000.
 */
final class DrawnRooms {
  private final Set<RoomKey> arrived = new HashSet<>();

  /** Something other than room states asked for a redraw that has not happened yet. */
  private boolean fullOwed;

  private Rooms rooms;
  private RoomKey shown;
  private TabSession.LoadState loadState;
  private List<RoomKey> display;

  /** Each listed room's count in the tab title, and their sum. */
  final RoomBurst.Total<RoomKey> attention = new RoomBurst.Total<>();

  /** A room's state (or its refusal) arrived. */
  void arrived(RoomKey key) {
    arrived.add(key);
  }

  /** The next redraw must be a full one. */
  void oweFull() {
    fullOwed = true;
  }

  /** Whether the coming redraw may draw only the rooms whose state arrived. */
  boolean onlyArrived(Rooms now, RoomKey shownNow, TabSession.LoadState loadStateNow) {
    return !fullOwed
        && RoomBurst.onlyArrived(
            now == rooms,
            shownNow == null ? shown == null : shownNow.equals(shown),
            loadStateNow == loadState,
            shownNow,
            arrived);
  }

  /** The rooms whose state arrived since the last redraw, forgotten as they are returned. */
  List<RoomKey> takeArrived() {
    List<RoomKey> keys = new ArrayList<>(arrived);
    arrived.clear();
    return keys;
  }

  /** A full render starts: it draws everything that arrived. */
  void fullStarts() {
    arrived.clear();
    fullOwed = false;
  }

  /** A full render drew from these. */
  void fullDrawn(
      Rooms drawn, RoomKey shownThen, TabSession.LoadState loadStateThen, List<RoomKey> order) {
    rooms = drawn;
    shown = shownThen;
    loadState = loadStateThen;
    display = order;
  }

  /** The display order of the last full render. */
  List<RoomKey> display() {
    return display;
  }
}
