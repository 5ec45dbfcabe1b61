package river.client.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import river.chat.Attention;
import river.chat.ReadMarks;
import river.room.MessageView;
import river.room.RoomState;
import river.room.VisibleMessage;
import river.rooms.LastRead;
import river.rooms.NotificationMode;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.Rooms;

/**
 * Per room: the unread count (its badge) and how many of those count in the tab title under the
 * room's notification mode (Attention), remembered until the room's state, its last-read mark, its
 * mode or the user's nickname changes: a redraw of 500 rooms after one message then recounts one
 * room, not 500. Room states are immutable values replaced on every update, so identity tells
 * "changed".
 */
final class UnreadCounts {
  private static final class Counted {
    final RoomState state;
    final LastRead lastRead;
    final NotificationMode mode;
    final String nickname;
    final int unread;
    final int attention;

    Counted(
        RoomState state,
        LastRead lastRead,
        NotificationMode mode,
        String nickname,
        int unread,
        int attention) {
      this.state = state;
      this.lastRead = lastRead;
      this.mode = mode;
      this.nickname = nickname;
      this.unread = unread;
      this.attention = attention;
    }

    boolean still(RoomState s, RoomData data, NotificationMode m) {
      return state == s
          && lastRead.equals(data.lastRead())
          && mode == m
          && Objects.equals(nickname, data.nickname());
    }
  }

  private final Map<RoomKey, Counted> counted = new HashMap<>();
  private final Texts texts;
  private final RoomHydrator hydrator;

  UnreadCounts(Texts texts, RoomHydrator hydrator) {
    this.texts = texts;
    this.hydrator = hydrator;
  }

  // A room without a state yet counts nothing: answered before its two look-ups in the rooms'
  // sorted maps, which are most of a redraw while 5,000 states are on their way.

  /** The badge of {@code key} among {@code rooms}, from the state this tab holds for it. */
  int unread(Rooms rooms, RoomKey key) {
    RoomState state = hydrator.state(key);
    return state == null
        ? 0
        : unread(key, state, rooms.room(key), rooms.notificationModes().get(key));
  }

  /** What {@code key} adds to the tab title's count among {@code rooms}. */
  int attention(Rooms rooms, RoomKey key) {
    RoomState state = hydrator.state(key);
    return state == null
        ? 0
        : attention(key, state, rooms.room(key), rooms.notificationModes().get(key));
  }

  /** The room's unread messages (its badge). */
  int unread(RoomKey key, RoomState state, RoomData data, NotificationMode mode) {
    Counted c = counted(key, state, data, mode);
    return c == null ? 0 : c.unread;
  }

  /** Those of them that count in the tab title under {@code mode}. */
  int attention(RoomKey key, RoomState state, RoomData data, NotificationMode mode) {
    Counted c = counted(key, state, data, mode);
    return c == null ? 0 : c.attention;
  }

  private Counted counted(RoomKey key, RoomState state, RoomData data, NotificationMode mode) {
    if (state == null || data == null) {
      return null;
    }
    Counted c = counted.get(key);
    if (c == null || !c.still(state, data, mode)) {
      List<VisibleMessage> visible = MessageView.of(state);
      byte[] self = data.verifyingKey().toArray();
      c =
          new Counted(
              state,
              data.lastRead(),
              mode,
              data.nickname(),
              ReadMarks.unread(visible, data.lastRead(), self),
              Attention.count(
                  mode,
                  visible,
                  data.lastRead(),
                  self,
                  data.nickname(),
                  sb -> texts.readOrNull(data, sb)));
      counted.put(key, c);
    }
    return c;
  }
}
