package river.identity;

import static org.junit.jupiter.api.Assertions.*;
import static river.identity.IdentityFixtures.*;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import river.rooms.Bytes;
import river.rooms.NotificationMode;
import river.rooms.RoomKey;
import river.rooms.Rooms;

class RestorePlanTest {
  static final RoomKey OTHER = RoomKey.of(Bytes.filled(32, 0x55));

  static BackupContents backup() {
    TreeMap<RoomKey, NotificationMode> modes = new TreeMap<>();
    modes.put(ROOM, NotificationMode.MUTED);
    return new BackupContents(List.of(bobBlock()), List.of(ROOM), modes);
  }

  @Test
  void anEmptyProfileGetsEveryRoomItsOrderAndModes() {
    RestorePlan p = RestorePlan.decide(Rooms.EMPTY, backup());
    assertEquals(1, p.toJoin().size());
    assertEquals(0, p.kept());
    assertEquals(List.of(ROOM), p.order());
    assertEquals(NotificationMode.MUTED, p.modes().get(ROOM));
  }

  @Test
  void aRoomTheProfileHoldsIsKeptAsItIsWhateverItsIdentity() {
    Rooms current = Rooms.EMPTY.withRoom(held(ALICE, ALICE_MEMBERSHIP, 1));
    RestorePlan p = RestorePlan.decide(current, backup());
    assertTrue(p.toJoin().isEmpty(), "restore never replaces");
    assertEquals(1, p.kept());
    assertTrue(p.modes().isEmpty(), "the profile's own preferences stay");
  }

  @Test
  void restoredRoomsFollowTheProfilesOwnOrder() {
    Rooms current =
        Rooms.EMPTY
            .withRoom(river.rooms.RoomData.builder(OTHER).build())
            .withOrder(List.of(OTHER))
            .withMode(OTHER, NotificationMode.ALL);
    RestorePlan p = RestorePlan.decide(current, backup());
    assertEquals(List.of(OTHER, ROOM), p.order());
    assertEquals(1, p.toJoin().size());
  }

  @Test
  void aModeTheProfileAlreadyHasForARoomIsNotOverwritten() {
    Rooms current = Rooms.EMPTY.withMode(ROOM, NotificationMode.ALL);
    assertTrue(RestorePlan.decide(current, backup()).modes().isEmpty());
  }
}
