package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ranked merge of load sources: legacy may add rooms, never remove or revive against a newer
 * source.
 */
class RankedMergeTest {
  @Test
  void legacySourceMayAddRooms() {
    Rooms current = Rooms.EMPTY.withRoom(room(1));
    Rooms legacy = Rooms.EMPTY.withRoom(room(2));
    Rooms m = RankedMerge.merge(List.of(current, legacy));
    assertTrue(m.holds(key(1)));
    assertTrue(m.holds(key(2)));
  }

  @Test
  void legacyTombstoneNeverRemovesALiveRoom() {
    Rooms current = Rooms.EMPTY.withRoom(room(1));
    Rooms legacy = Rooms.EMPTY.withoutRoom(key(1)).withoutRoom(key(5));
    Rooms m = RankedMerge.merge(List.of(current, legacy));
    assertTrue(m.holds(key(1)));
    assertTrue(m.removed().contains(key(5)));
  }

  @Test
  void legacyNeverRevivesARoomANewerSourceRemoved() {
    Rooms current = Rooms.EMPTY.withoutRoom(key(1));
    Rooms legacy = Rooms.EMPTY.withRoom(room(1));
    Rooms m = RankedMerge.merge(List.of(current, legacy));
    assertFalse(m.holds(key(1)));
    assertTrue(m.removed().contains(key(1)));
  }

  @Test
  void newerSourceWinsTheIdentityOlderAddsFields() {
    RoomData newer = room(1, 0).toBuilder().signingKey(Bytes.ofInts(1)).build();
    RoomData older =
        room(1, 0).toBuilder()
            .signingKey(Bytes.ofInts(200))
            .addInvitationSecret(Bytes.ofInts(7))
            .build();
    Rooms m = RankedMerge.merge(List.of(Rooms.EMPTY.withRoom(newer), Rooms.EMPTY.withRoom(older)));
    assertEquals(Bytes.ofInts(1), m.room(key(1)).signingKey());
    assertTrue(m.room(key(1)).invitationSecrets().contains(Bytes.ofInts(7)));
  }

  @Test
  void betweenLegacySourcesTheNewerOneDecides() {
    Rooms v3 = Rooms.EMPTY.withoutRoom(key(1));
    Rooms v2 = Rooms.EMPTY.withRoom(room(1));
    assertFalse(RankedMerge.merge(List.of(Rooms.EMPTY, v3, v2)).holds(key(1)));
    assertTrue(RankedMerge.merge(List.of(Rooms.EMPTY, v2, v3)).holds(key(1)));
  }

  /**
   * One source (every load without legacy data) is merged without copying its maps: the result is
   * what the general path gives, the order pruned to held rooms (a legacy blob's may name others).
   */
  @Test
  void aSingleSourceMergesToWhatTheGeneralPathGives() {
    java.util.TreeMap<RoomKey, RoomData> held = new java.util.TreeMap<>();
    held.put(key(1), room(1));
    held.put(key(2), room(2));
    java.util.TreeMap<RoomKey, NotificationMode> modes = new java.util.TreeMap<>();
    modes.put(key(2), NotificationMode.MUTED);
    Rooms blob =
        new Rooms(
            held,
            new java.util.TreeSet<>(List.of(key(5))),
            key(2),
            modes,
            List.of(key(9), key(2), key(1))); // key 9 is not held
    Rooms one = RankedMerge.merge(List.of(blob));
    assertEquals(RankedMerge.merge(List.of(blob, Rooms.EMPTY)), one);
    assertEquals(List.of(key(2), key(1)), one.roomOrder());
    assertEquals(blob.map(), one.map());
    assertEquals(blob.removed(), one.removed());
  }
}
