package river.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A burst of room states redraws only its rooms, unless something else changed too. */
class RoomBurstTest {
  @Test
  void aBurstOfOtherRoomsRedrawsOnlyThem() {
    assertTrue(RoomBurst.onlyArrived(true, true, true, "shown", Set.of("a", "b")));
    assertTrue(RoomBurst.onlyArrived(true, true, true, null, Set.of("a")));
  }

  @Test
  void theShownRoomsStateRedrawsEverything() {
    assertFalse(RoomBurst.onlyArrived(true, true, true, "a", Set.of("a", "b")));
  }

  @Test
  void changedRoomsShownRoomOrLoadStateRedrawEverything() {
    assertFalse(RoomBurst.onlyArrived(false, true, true, null, Set.of("a")));
    assertFalse(RoomBurst.onlyArrived(true, false, true, null, Set.of("a")));
    assertFalse(RoomBurst.onlyArrived(true, true, false, null, Set.of("a")));
  }

  @Test
  void theShownRoomsStateIsDrawnAtTheNextTask() {
    assertEquals(0, RoomBurst.drawDelayMs("a", "a"));
  }

  @Test
  void anotherRoomsStateWaitsForItsBurst() {
    assertEquals(RoomBurst.BATCH_MS, RoomBurst.drawDelayMs("b", "a"));
    assertEquals(RoomBurst.BATCH_MS, RoomBurst.drawDelayMs("b", null), "no room shown");
  }

  @Test
  void theTotalFollowsEachRoomsLatestCount() {
    RoomBurst.Total<String> total = new RoomBurst.Total<>();
    total.put("a", 2);
    total.put("b", 3);
    assertEquals(5, total.sum());
    total.put("a", 0); // read: its count drops
    assertEquals(3, total.sum());
    total.put("b", 4);
    assertEquals(4, total.sum());
    assertTrue(total.counts("a"));
    assertFalse(total.counts("c"));
    total.clear();
    assertEquals(0, total.sum());
    assertFalse(total.counts("b"));
  }
}
