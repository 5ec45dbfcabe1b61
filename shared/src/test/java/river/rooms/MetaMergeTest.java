package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The three-way rooms_meta merge: preferences set elsewhere survive, the user's own changes win.
 */
class MetaMergeTest {
  private static RoomsMeta meta(RoomKey current, List<RoomKey> order, Object... modePairs) {
    TreeMap<RoomKey, NotificationMode> modes = new TreeMap<>();
    for (int i = 0; i < modePairs.length; i += 2)
      modes.put((RoomKey) modePairs[i], (NotificationMode) modePairs[i + 1]);
    return new RoomsMeta(current, modes, order);
  }

  @Test
  void keepsModesOfRoomsThisTabDoesNotKnow() {
    RoomsMeta base = meta(null, List.of());
    RoomsMeta local = meta(null, List.of(), key(1), NotificationMode.ALL);
    RoomsMeta stored = meta(null, List.of(), key(3), NotificationMode.MUTED);
    RoomsMeta m = MetaMerge.merge(base, local, stored, Set.of());
    assertEquals(NotificationMode.MUTED, m.notificationModes().get(key(3)));
    assertEquals(NotificationMode.ALL, m.notificationModes().get(key(1)));
  }

  @Test
  void aValueThisTabOnlyLoadedDoesNotRevertANewerStoredOne() {
    RoomsMeta base = meta(key(1), List.of(key(1), key(2)), key(1), NotificationMode.ALL);
    RoomsMeta stored = meta(key(2), List.of(key(2), key(1)), key(1), NotificationMode.MUTED);
    RoomsMeta m = MetaMerge.merge(base, base, stored, Set.of());
    assertEquals(stored, m);
  }

  @Test
  void whatTheUserChangedHereWins() {
    RoomsMeta base = meta(key(1), List.of(key(1), key(2)), key(1), NotificationMode.ALL);
    RoomsMeta local = meta(key(2), List.of(key(2), key(1)), key(1), NotificationMode.MENTIONS);
    RoomsMeta stored =
        meta(
            key(1),
            List.of(key(1), key(2)),
            key(1),
            NotificationMode.MUTED,
            key(5),
            NotificationMode.ALL);
    RoomsMeta m = MetaMerge.merge(base, local, stored, Set.of());
    assertEquals(key(2), m.currentRoom());
    assertEquals(List.of(key(2), key(1)), m.roomOrder());
    assertEquals(NotificationMode.MENTIONS, m.notificationModes().get(key(1)));
    assertEquals(NotificationMode.ALL, m.notificationModes().get(key(5)));
  }

  @Test
  void orderHasNoDuplicatesAndDropsRoomsLeftHereAsDoModes() {
    RoomsMeta local =
        meta(key(3), Arrays.asList(key(2), key(3), key(2), key(1)), key(3), NotificationMode.MUTED);
    RoomsMeta m = MetaMerge.merge(null, local, null, Set.of(key(3)));
    assertEquals(List.of(key(2), key(1)), m.roomOrder());
    assertFalse(m.notificationModes().containsKey(key(3)));
    assertNull(m.currentRoom());
  }

  @Test
  void withNothingStoredOrSeenItIsTheLocalMeta() {
    RoomsMeta local = meta(key(1), List.of(key(1)), key(1), NotificationMode.MENTIONS);
    assertEquals(local, MetaMerge.merge(null, local, null, Set.of()));
  }

  @Test
  void shownOrderIsPrunedToHeldRooms() {
    Rooms rooms = Rooms.EMPTY.withRoom(room(1)).withRoom(room(2));
    assertEquals(
        List.of(key(2), key(1)),
        MetaMerge.prunedOrder(Arrays.asList(key(9), key(2), key(1), key(2)), rooms));
  }
}
