package river.node.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import river.room.RoomState;

/** The contract host keeps the most recently used room states, up to a capacity. */
class RecentRoomsTest {
  @Test
  void keepsTheMostRecentlyUsedRoomsUpToItsCapacity() {
    RecentRooms rooms = new RecentRooms(2);
    RoomState a = RoomState.empty(new byte[32]);
    RoomState b = RoomState.empty(new byte[32]);
    RoomState c = RoomState.empty(new byte[32]);
    rooms.put("a", a);
    rooms.put("b", b);
    assertSame(a, rooms.get("a")); // a is now the most recent
    rooms.put("c", c);
    assertEquals(2, rooms.size());
    assertNull(rooms.get("b"), "the least recently used room fell out");
    assertSame(a, rooms.get("a"));
    assertSame(c, rooms.get("c"));
  }
}
