package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import org.junit.jupiter.api.Test;

/** The slot cache: newer generations win, and a pushed generation marks the cache as behind. */
class SlotCacheTest {
  @Test
  void anOlderObservationNeverReplacesANewerOne() {
    SlotCache c = new SlotCache();
    assertTrue(c.learn(key(1), RoomSlot.present(room(1)), 5));
    assertFalse(c.learn(key(1), RoomSlot.TOMBSTONE, 4));
    assertTrue(c.get(key(1)).isPresent());
    assertEquals(5, c.generation(key(1)));
  }

  @Test
  void anAnnouncedGenerationMarksTheCacheBehindUntilASlotAsNewIsLearned() {
    SlotCache c = new SlotCache();
    c.learn(key(1), RoomSlot.present(room(1)), 5);
    assertFalse(c.isBehind(key(1)));
    c.announce(key(1), 7);
    c.announce(key(1), 6); // a late, older push does not lower it
    assertTrue(c.isBehind(key(1)));
    assertTrue(c.knownNewerThan(key(1), 6));
    c.learn(key(1), RoomSlot.present(room(1)), 7);
    assertFalse(c.isBehind(key(1)));
    assertFalse(c.knownNewerThan(key(1), 7));
    assertTrue(c.knownNewerThan(key(1), 5), "the cache itself is newer than 5");
  }

  @Test
  void aSlotAnotherTabWroteIsMarkedUntilThisTabLearnsTheRoomOtherwise() {
    SlotCache c = new SlotCache();
    c.learn(key(1), RoomSlot.present(room(1)), 1);
    assertFalse(c.changedElsewhere(key(1)));
    assertTrue(c.learnChangedElsewhere(key(1), RoomSlot.present(room(1)), 2));
    assertTrue(c.changedElsewhere(key(1)));
    assertFalse(c.learnChangedElsewhere(key(1), RoomSlot.TOMBSTONE, 1), "older: ignored");
    c.learn(key(1), RoomSlot.present(room(1)), 3); // this tab's own write landed
    assertFalse(c.changedElsewhere(key(1)));
  }

  @Test
  void aPushForARoomNeverSeenIsAlsoBehind() {
    SlotCache c = new SlotCache();
    c.announce(key(2), 1);
    assertTrue(c.isBehind(key(2)));
    assertFalse(c.isBehind(key(3)));
  }
}
