package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotDiffTest {
  @Test
  void heldRoomUnchangedSinceLastSeenIsNotWritten() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.present(room(1)), 3);
    assertEquals(List.of(), SlotDiff.changes(Rooms.EMPTY.withRoom(room(1)), cache));
  }

  @Test
  void heldRoomThatChangedOrWasNeverSeenIsWritten() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.present(room(1)), 3);
    Rooms rooms = Rooms.EMPTY.withRoom(room(1).withNickname("x")).withRoom(room(2));
    assertEquals(List.of(new SlotChange(key(1), RoomSlot.present(room(1).withNickname("x"))),
        new SlotChange(key(2), RoomSlot.present(room(2)))), SlotDiff.changes(rooms, cache));
  }

  @Test
  void aTombstoneMerelyLoadedIsNeverRewritten() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.TOMBSTONE, 0);
    Rooms rooms = Rooms.EMPTY.withoutRoom(key(1));
    assertEquals(List.of(), SlotDiff.changes(rooms, cache));
    assertFalse(SlotDiff.isPendingLeave(rooms, cache, key(1)));
  }

  @Test
  void aLeaveInThisTabIsWrittenOnce() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.present(room(1)), 2);
    Rooms rooms = Rooms.EMPTY.withRoom(room(1)).withoutRoom(key(1));
    assertEquals(List.of(new SlotChange(key(1), RoomSlot.TOMBSTONE)), SlotDiff.changes(rooms, cache));
    cache.learn(key(1), RoomSlot.TOMBSTONE, 3);
    assertEquals(List.of(), SlotDiff.changes(rooms, cache));
  }

  @Test
  void aSlotLearnedLaterReplacesTheCachedState() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.present(room(1)), 2);
    assertTrue(cache.learn(key(1), RoomSlot.present(room(1).withNickname("pushed")), 5));
    Rooms rooms = Rooms.EMPTY.withRoom(room(1).withNickname("pushed"));
    assertEquals(List.of(), SlotDiff.changes(rooms, cache));
  }

  @Test
  void aStaleObservationDoesNotReplaceANewerOne() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.TOMBSTONE, 7);
    assertFalse(cache.learn(key(1), RoomSlot.present(room(1)), 4));
    assertEquals(RoomSlot.TOMBSTONE, cache.get(key(1)));
    assertEquals(7, cache.generation(key(1)));
  }

  @Test
  void leftBeforeEverSavedCountsAsPendingLeave() {
    Rooms rooms = Rooms.EMPTY.withRoom(room(1)).withoutRoom(key(1));
    assertTrue(SlotDiff.isPendingLeave(rooms, new SlotCache(), key(1)));
  }
}
