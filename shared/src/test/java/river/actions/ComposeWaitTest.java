package river.actions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import river.room.RoomState;
import river.rooms.Bytes;
import river.rooms.RoomData;
import river.rooms.RoomKey;

/** {@link Compose#waitsForState}: a send waits only for a state that is still on its way. */
class ComposeWaitTest {
  static final byte[] OWNER = new byte[32];

  static {
    OWNER[0] = 7;
  }

  static final RoomKey KEY = RoomKey.of(Bytes.of(OWNER));
  static final RoomData HELD = RoomData.builder(KEY).build();

  @Test
  void aHeldRoomWhoseStateIsOnItsWayWaits() {
    assertTrue(Compose.waitsForState(HELD, null, false));
  }

  @Test
  void aRoomTheUserDoesNotHoldIsRefusedNotWaitedFor() {
    assertFalse(Compose.waitsForState(null, null, false));
  }

  @Test
  void aStateThatArrivedDecidesEvenWithoutAConfig() {
    assertFalse(Compose.waitsForState(HELD, RoomState.empty(OWNER), true));
    assertFalse(Compose.waitsForState(HELD, RoomState.empty(OWNER), false)); // pushed, not fetched
  }

  @Test
  void aFetchTheNodeRefusedEndsTheWait() {
    assertFalse(Compose.waitsForState(HELD, null, true));
  }
}
