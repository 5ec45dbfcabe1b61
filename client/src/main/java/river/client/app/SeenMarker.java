package river.client.app;

import river.chat.ReadMarks;
import river.client.app.ui.Dom;
import river.engine.TabSession;
import river.room.MessageView;
import river.room.RoomState;
import river.rooms.LastRead;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.Rooms;

/**
 * Marks the shown room read up to its newest message, but only while the tab is visible: a room
 * counts as read when it was seen, and coming back to a hidden tab marks it then.
 */
final class SeenMarker {
  private final TabSession session;
  private final RoomHydrator hydrator;
  private final SessionDriver driver;

  SeenMarker(TabSession session, RoomHydrator hydrator, SessionDriver driver) {
    this.session = session;
    this.hydrator = hydrator;
    this.driver = driver;
  }

  void markIfSeen(Rooms rooms, RoomKey shown) {
    if (!session.isReady()) {
      return;
    }
    if (!Dom.pageVisible()) {
      return;
    }
    RoomState state = hydrator.state(shown);
    RoomData data = rooms.room(shown);
    if (state == null || data == null) {
      return;
    }
    LastRead mark = ReadMarks.advance(ReadMarks.latest(MessageView.of(state)), data.lastRead());
    if (mark != null) {
      session.markRead(shown, mark);
      driver.pump();
    }
  }
}
