package river.nav;

import java.util.List;
import river.rooms.RoomKey;

/**
 * The history decisions of one tab, as pure functions: each tab owns the room it shows and its own
 * history; the profile's stored current room is only the default for a tab opened without an
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
   * The tab's address once its rooms are listed (at start), or after back/forward ({@code popped}:
   * the browser already moved, so history is left alone). Without an address the tab shows the
   * stored current room and writes its address in place.
   */
  public static NavStep arrive(
      RoomAddress address, Rooms rooms, RoomKey storedCurrent, boolean popped) {
    NavStep.History write = popped ? NavStep.History.NONE : NavStep.History.REPLACE;
    switch (address.kind()) {
      case ROOM:
        if (rooms.holds(address.room())) {
          return new NavStep(
              address.room(), address.message(), NavStep.Notice.NONE, NavStep.History.NONE, null);
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
    return new NavStep(
        room, null, NavStep.Notice.NONE, NavStep.History.PUSH, RoomAddress.of(room, null));
  }

  /**
   * The tab's rooms changed (another tab's save, a join, a leave, a removal), once it has arrived:
   * what it shows next, or null to keep what it shows. A shown room stays until it goes (then
   * {@link #gone}, with its neighbour in {@code drawn}, the list as the tab last drew it). A tab
   * showing nothing follows its address when the addressed room appears (a room created or joined
   * in another tab a moment ago may reach this tab's list after the tab opened its address), keeps
   * its notice for a malformed address or a room it is still not in, and, without an address, opens
   * the stored current room once there is one.
   */
  public static NavStep settle(
      RoomAddress address,
      Rooms rooms,
      RoomKey shown,
      List<RoomKey> drawn,
      RoomKey storedCurrent,
      RoomKey firstListed) {
    if (shown != null) {
      return rooms.holds(shown)
          ? null
          : gone(rooms, nextAfter(drawn, shown, rooms), storedCurrent, firstListed);
    }
    switch (address.kind()) {
      case ROOM:
        return rooms.holds(address.room())
            ? new NavStep(
                address.room(), address.message(), NavStep.Notice.NONE, NavStep.History.NONE, null)
            : null;
      case MALFORMED:
        return null;
      default:
        NavStep stored = arrive(RoomAddress.NONE, rooms, storedCurrent, false);
        return stored.show == null ? null : stored;
    }
  }

  /**
   * A message address was followed: once the room's state is known, a message it does not hold
   * (deleted, or older than the room keeps) is said to be gone rather than silently not marked.
   */
  public static NavStep.Notice lookFor(boolean roomStateKnown, boolean found) {
    return roomStateKnown && !found ? NavStep.Notice.MESSAGE_GONE : NavStep.Notice.NONE;
  }

  /**
   * The shown room went away (left here or in another tab, or the user was removed): show the room
   * that followed it in the list as the tab last drew it ({@code next}, see {@link #nextAfter}), so
   * leaving a room lands on its neighbour rather than on an empty pane; failing that the stored
   * current room, else the first listed, else none; in place of the old address.
   */
  public static NavStep gone(
      Rooms rooms, RoomKey next, RoomKey storedCurrent, RoomKey firstListed) {
    RoomKey show =
        next != null && rooms.holds(next)
            ? next
            : storedCurrent != null && rooms.holds(storedCurrent)
                ? storedCurrent
                : firstListed != null && rooms.holds(firstListed) ? firstListed : null;
    return new NavStep(
        show,
        null,
        NavStep.Notice.NONE,
        NavStep.History.REPLACE,
        show == null ? RoomAddress.NONE : RoomAddress.of(show, null));
  }

  /**
   * The neighbour of {@code gone} in {@code drawn} (the list as the tab last showed it): the first
   * room after it the profile still holds, else the nearest one before it; null when none is left.
   */
  public static RoomKey nextAfter(List<RoomKey> drawn, RoomKey gone, Rooms rooms) {
    int at = drawn.indexOf(gone);
    if (at < 0) {
      return null;
    }
    for (int i = at + 1; i < drawn.size(); i++) {
      if (rooms.holds(drawn.get(i))) {
        return drawn.get(i);
      }
    }
    for (int i = at - 1; i >= 0; i--) {
      if (rooms.holds(drawn.get(i))) {
        return drawn.get(i);
      }
    }
    return null;
  }
}
