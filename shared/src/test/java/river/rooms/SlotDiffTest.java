package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which rooms a save writes, against the slot cache and the pending leaves. */
class SlotDiffTest {
  @Test
  void heldRoomUnchangedSinceLastSeenIsNotWritten() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.present(room(1)), 3);
    assertEquals(List.of(), SlotDiff.changes(Rooms.EMPTY.withRoom(room(1)), cache, Set.of()));
  }

  @Test
  void heldRoomThatChangedOrWasNeverSeenIsWritten() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.present(room(1)), 3);
    Rooms rooms = Rooms.EMPTY.withRoom(room(1).toBuilder().nickname("x").build()).withRoom(room(2));
    assertEquals(
        List.of(
            new SlotChange(key(1), RoomSlot.present(room(1).toBuilder().nickname("x").build())),
            new SlotChange(key(2), RoomSlot.present(room(2)))),
        SlotDiff.changes(rooms, cache, Set.of()));
  }

  @Test
  void aTombstoneMerelyLoadedOrAdoptedIsNeverRewritten() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.TOMBSTONE, 0);
    Rooms rooms = Rooms.EMPTY.withoutRoom(key(1)).withoutRoom(key(2));
    assertEquals(List.of(), SlotDiff.changes(rooms, cache, Set.of()));
  }

  @Test
  void aLeaveInThisTabIsWrittenWhilePending() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.present(room(1)), 2);
    Rooms rooms = Rooms.EMPTY.withRoom(room(1)).withoutRoom(key(1));
    assertEquals(
        List.of(new SlotChange(key(1), RoomSlot.TOMBSTONE)),
        SlotDiff.changes(rooms, cache, Set.of(key(1))));
    assertEquals(List.of(), SlotDiff.changes(rooms, cache, Set.of()));
  }

  @Test
  void aPendingLeaveOfARoomNotHeldAnyMoreIsNotWrittenTwiceWhenAlsoHeld() {
    SlotCache cache = new SlotCache();
    Rooms rooms = Rooms.EMPTY.withRoom(room(1));
    // a rejoin ends the leave: the room is held again, only Present is written
    assertEquals(
        List.of(new SlotChange(key(1), RoomSlot.present(room(1)))),
        SlotDiff.changes(rooms, cache, Set.of(key(1))));
  }

  @Test
  void aSlotLearnedLaterReplacesTheCachedState() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.present(room(1)), 2);
    assertTrue(
        cache.learn(key(1), RoomSlot.present(room(1).toBuilder().nickname("pushed").build()), 5));
    Rooms rooms = Rooms.EMPTY.withRoom(room(1).toBuilder().nickname("pushed").build());
    assertEquals(List.of(), SlotDiff.changes(rooms, cache, Set.of()));
  }

  @Test
  void aStaleObservationDoesNotReplaceANewerOne() {
    SlotCache cache = new SlotCache();
    cache.learn(key(1), RoomSlot.TOMBSTONE, 7);
    assertFalse(cache.learn(key(1), RoomSlot.present(room(1)), 4));
    assertEquals(RoomSlot.TOMBSTONE, cache.get(key(1)));
    assertEquals(7, cache.generation(key(1)));
  }
}
