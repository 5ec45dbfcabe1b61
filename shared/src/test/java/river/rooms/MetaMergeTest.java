package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MetaMergeTest {
  private static RoomsMeta stored(NotificationMode m3, NotificationMode m1) {
    TreeMap<RoomKey, NotificationMode> modes = new TreeMap<>();
    modes.put(key(3), m3);
    modes.put(key(1), m1);
    return new RoomsMeta(key(3), modes, Arrays.asList(key(3), key(1)));
  }

  @Test
  void keepsModesOfRoomsThisTabDoesNotKnow() {
    Rooms local = Rooms.EMPTY.withRoom(room(1)).withMode(key(1), NotificationMode.ALL);
    RoomsMeta m = MetaMerge.merge(local, stored(NotificationMode.MUTED, NotificationMode.MUTED));
    assertEquals(NotificationMode.MUTED, m.notificationModes().get(key(3)));
    assertEquals(NotificationMode.ALL, m.notificationModes().get(key(1)));
  }

  @Test
  void doesNotKeepModesOfRoomsThisTabLeft() {
    Rooms local = Rooms.EMPTY.withRoom(room(3)).withoutRoom(key(3));
    RoomsMeta m = MetaMerge.merge(local, stored(NotificationMode.MUTED, NotificationMode.ALL));
    assertFalse(m.notificationModes().containsKey(key(3)));
    assertTrue(m.notificationModes().containsKey(key(1)));
  }

  @Test
  void thisTabDecidesCurrentRoomAndOrderWithoutDuplicatesPrunedToHeldRooms() {
    Rooms local = Rooms.EMPTY.withRoom(room(1)).withRoom(room(2)).withCurrentRoom(key(2))
        .withOrder(Arrays.asList(key(2), key(9), key(2), key(1)));
    RoomsMeta m = MetaMerge.merge(local, stored(NotificationMode.ALL, NotificationMode.ALL));
    assertEquals(key(2), m.currentRoom());
    assertEquals(List.of(key(2), key(1)), m.roomOrder());
  }

  @Test
  void mergeWithNothingStoredIsTheLocalMeta() {
    Rooms local = Rooms.EMPTY.withRoom(room(1)).withMode(key(1), NotificationMode.MENTIONS);
    assertEquals(local.meta(), MetaMerge.merge(local, null));
  }
}
