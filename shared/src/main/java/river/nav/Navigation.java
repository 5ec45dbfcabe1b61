package river.nav;

import river.rooms.RoomKey;

/**
 * The history decisions of one tab, as pure functions: each tab owns the room it shows and its
 * own history; the profile's stored current room is only the default for a tab opened without an
 * address, and one tab switching rooms never moves another. The shell owns the URL and applies
 * {@link NavStep#history}; the app shows {@link NavStep#show}.
 */
public final class Navigation {
  /** Which rooms this profile holds (listed and not left). */
  public interface Rooms {
    boolean holds(RoomKey room);
  }

  private Navigation() {}

  /**
   * The tab's address once its rooms are listed (at start), or after back/forward
   * ({@code popped}: the browser already moved, so history is left alone). Without an address the
   * tab shows the stored current room and writes its address in place.
   */
  public static NavStep arrive(RoomAddress address, Rooms rooms, RoomKey storedCurrent,
      boolean popped) {
    NavStep.History write = popped ? NavStep.History.NONE : NavStep.History.REPLACE;
    switch (address.kind()) {
      case ROOM:
        if (rooms.holds(address.room())) {
          return new NavStep(address.room(), address.message(), NavStep.Notice.NONE,
              NavStep.History.NONE, null);
        }
        return new NavStep(null, null, NavStep.Notice.NOT_A_MEMBER, NavStep.History.NONE, null);
      case MALFORMED:
        return new NavStep(null, null, NavStep.Notice.MALFORMED, NavStep.History.NONE, null);
      default:
        RoomKey room = storedCurrent != null && rooms.holds(storedCurrent) ? storedCurrent : null;
        return room == null
            ? new NavStep(null, null, NavStep.Notice.NONE, NavStep.History.NONE, null)
            : new NavStep(room, null, NavStep.Notice.NONE, write, RoomAddress.of(room, null));
    }
  }

  /** A plain click on a room (or a room this tab just created or joined): one step forward. */
  public static NavStep pick(RoomKey room, RoomKey shown) {
    if (room.equals(shown)) {
      return new NavStep(room, null, NavStep.Notice.NONE, NavStep.History.NONE, null);
    }
    return new NavStep(room, null, NavStep.Notice.NONE, NavStep.History.PUSH,
        RoomAddress.of(room, null));
  }

  /**
   * The shown room went away (left here or in another tab, or the user was removed): show the
   * stored current room if the profile still holds it, else none, in place of the old address.
   */
  public static NavStep gone(Rooms rooms, RoomKey storedCurrent, RoomKey firstListed) {
    RoomKey next = storedCurrent != null && rooms.holds(storedCurrent) ? storedCurrent
        : firstListed != null && rooms.holds(firstListed) ? firstListed : null;
    return new NavStep(next, null, NavStep.Notice.NONE, NavStep.History.REPLACE,
        next == null ? RoomAddress.NONE : RoomAddress.of(next, null));
  }
}
