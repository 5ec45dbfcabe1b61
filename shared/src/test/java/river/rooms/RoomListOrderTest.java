package river.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static river.rooms.Fixtures.key;
import static river.rooms.Fixtures.room;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoomListOrderTest {
  private static Rooms rooms(List<RoomKey> order, int... held) {
    Rooms r = Rooms.EMPTY;
    for (int n : held) {
      r = r.withRoom(room(n));
    }
    return r.withOrder(order);
  }

  @Test
  void storedOrderFirstThenTheRestByKey() {
    Rooms r = rooms(List.of(key(3), key(1)), 1, 2, 3, 4);
    assertEquals(List.of(key(3), key(1), key(2), key(4)), RoomListOrder.display(r));
  }

  @Test
  void roomsNoLongerHeldAndDuplicatesAreDroppedFromTheStoredOrder() {
    Rooms r = rooms(List.of(key(9), key(2), key(2)), 1, 2);
    assertEquals(List.of(key(2), key(1)), RoomListOrder.display(r));
  }

  @Test
  void keyboardMoveUpAndDownStopsAtTheEnds() {
    List<RoomKey> d = List.of(key(1), key(2), key(3));
    assertEquals(List.of(key(2), key(1), key(3)), RoomListOrder.moveBy(d, key(2), -1));
    assertEquals(List.of(key(1), key(3), key(2)), RoomListOrder.moveBy(d, key(2), +1));
    assertEquals(d, RoomListOrder.moveBy(d, key(1), -1));
    assertEquals(d, RoomListOrder.moveBy(d, key(3), +1));
  }

  @Test
  void dropTakesTheTargetsPlaceInEitherDirection() {
    List<RoomKey> d = List.of(key(1), key(2), key(3), key(4));
    assertEquals(List.of(key(4), key(1), key(2), key(3)), RoomListOrder.dropOn(d, key(4), key(1)));
    assertEquals(List.of(key(2), key(3), key(1), key(4)), RoomListOrder.dropOn(d, key(1), key(3)));
    assertEquals(d, RoomListOrder.dropOn(d, key(2), key(2)));
  }

  @Test
  void movingAnUnknownRoomChangesNothing() {
    List<RoomKey> d = List.of(key(1), key(2));
    assertEquals(d, RoomListOrder.moveBy(d, key(7), 1));
    assertEquals(d, RoomListOrder.dropOn(d, key(7), key(1)));
  }
}
