package river.client.app;

import java.util.HashMap;
import java.util.Map;
import river.chat.ReadMarks;
import river.room.MessageView;
import river.room.RoomState;
import river.rooms.LastRead;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/**
 * Unread counts per room (ReadMarks.unread), remembered until the room's state or its last-read
 * mark changes: a redraw of 500 rooms after one message then recounts one room, not 500.
 * Room states are immutable values replaced on every update, so identity tells "changed".
 */
final class UnreadCounts {
  private static final class Counted {
    final RoomState state;
    final LastRead lastRead;
    final int count;

    Counted(RoomState state, LastRead lastRead, int count) {
      this.state = state;
      this.lastRead = lastRead;
      this.count = count;
    }
  }

  private final Map<RoomKey, Counted> counted = new HashMap<>();

  int of(RoomKey key, RoomState state, RoomData data) {
    if (state == null || data == null) {
      return 0;
    }
    Counted c = counted.get(key);
    if (c == null || c.state != state || !c.lastRead.equals(data.lastRead())) {
      c = new Counted(state, data.lastRead(),
          ReadMarks.unread(MessageView.of(state), data.lastRead(), data.verifyingKey().toArray()));
      counted.put(key, c);
    }
    return c.count;
  }
}
