package river.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Rooms is a value: its changes share the collections they do not change (no copy of 5,000 held
 * rooms per change), so each rule here is that a derived value never shows through to the value it
 * came from, nor the caller's collections to the value.
 */
class RoomsSharingTest {
  private static Rooms two() {
    return Rooms.EMPTY.withRoom(Fixtures.room(1)).withRoom(Fixtures.room(2));
  }

  @Test
  void addingARoomLeavesTheOriginalAsItWas() {
    Rooms a = two();
    Rooms b = a.withRoom(Fixtures.room(3));
    assertEquals(2, a.map().size());
    assertEquals(3, b.map().size());
    assertFalse(a.holds(Fixtures.key(3)));
  }

  @Test
  void leavingARoomLeavesTheOriginalHoldingIt() {
    Rooms a = two().withOrder(List.of(Fixtures.key(2), Fixtures.key(1)));
    Rooms b = a.withoutRoom(Fixtures.key(1));
    assertTrue(a.holds(Fixtures.key(1)));
    assertTrue(a.removed().isEmpty());
    assertEquals(List.of(Fixtures.key(2), Fixtures.key(1)), a.roomOrder());
    assertTrue(b.removed().contains(Fixtures.key(1)));
    assertEquals(List.of(Fixtures.key(2)), b.roomOrder());
  }

  @Test
  void preferenceChangesShareTheRoomsButNotThePreferences() {
    Rooms a = two();
    Rooms b = a.withMode(Fixtures.key(1), NotificationMode.MUTED).withCurrentRoom(Fixtures.key(2));
    Rooms c = b.withMeta(new RoomsMeta(null, new TreeMap<>(), List.of(Fixtures.key(2))));
    assertTrue(a.notificationModes().isEmpty());
    assertEquals(1, b.notificationModes().size());
    assertTrue(c.notificationModes().isEmpty());
    assertEquals(Fixtures.key(2), b.currentRoom());
    assertEquals(a.map(), c.map());
    assertEquals(List.of(Fixtures.key(2)), c.roomOrder());
    assertEquals(List.of(), b.roomOrder());
  }

  @Test
  void theViewsCannotBeChanged() {
    Rooms a = two().withoutRoom(Fixtures.key(2));
    assertThrows(UnsupportedOperationException.class, () -> a.map().clear());
    assertThrows(UnsupportedOperationException.class, () -> a.removed().clear());
    assertThrows(UnsupportedOperationException.class, () -> a.notificationModes().clear());
    assertThrows(UnsupportedOperationException.class, () -> a.roomOrder().clear());
  }

  @Test
  void thePublicConstructorCopiesWhatItIsGiven() {
    TreeMap<RoomKey, RoomData> map = new TreeMap<>();
    map.put(Fixtures.key(1), Fixtures.room(1));
    TreeSet<RoomKey> removed = new TreeSet<>();
    List<RoomKey> order = new ArrayList<>(List.of(Fixtures.key(1)));
    Rooms r = new Rooms(map, removed, null, new TreeMap<>(), order);
    map.put(Fixtures.key(2), Fixtures.room(2));
    removed.add(Fixtures.key(3));
    order.clear();
    assertEquals(1, r.map().size());
    assertTrue(r.removed().isEmpty());
    assertEquals(List.of(Fixtures.key(1)), r.roomOrder());
  }

  @Test
  void dataFiledUnderAnotherKeyIsRefusedOnEveryWayIn() {
    TreeMap<RoomKey, RoomData> map = new TreeMap<>();
    map.put(Fixtures.key(1), Fixtures.room(2));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Rooms(map, new TreeSet<>(), null, new TreeMap<>(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> Rooms.adopt(map, new TreeSet<>()));
  }

  @Test
  void adoptedTombstonesOfHeldRoomsAreDropped() {
    TreeMap<RoomKey, RoomData> map = new TreeMap<>();
    map.put(Fixtures.key(1), Fixtures.room(1));
    TreeSet<RoomKey> removed = new TreeSet<>(List.of(Fixtures.key(1), Fixtures.key(2)));
    Rooms r = Rooms.adopt(map, removed);
    assertEquals(List.of(Fixtures.key(2)), new ArrayList<>(r.removed()));
  }
}
