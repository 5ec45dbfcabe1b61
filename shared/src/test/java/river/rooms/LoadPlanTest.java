package river.rooms;

import static org.junit.jupiter.api.Assertions.*;
import static river.rooms.Fixtures.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.store.Base58;

/** The load plan from a key list, one test per branch, plus room storage key parsing. */
class LoadPlanTest {
  private static String rk(int n) {
    return RoomStorageKeys.roomKey(key(n));
  }

  @Test
  void anyRoomKeysMeanPerRoom() {
    LoadPlan p =
        LoadPlan.fromKeys(
            Arrays.asList(
                "outbound_dms",
                rk(1),
                rk(2),
                "rooms_meta",
                RoomStorageKeys.MIGRATION_STARTED,
                RoomStorageKeys.MIGRATION_DONE));
    assertEquals(LoadPlan.Kind.PER_ROOM, p.kind());
    assertEquals(List.of(key(1), key(2)), p.roomKeys());
    assertTrue(p.hasMeta());
    assertFalse(p.resumeMigration());
    assertFalse(p.migrates());
  }

  @Test
  void perRoomWinsOverAStrayBlobButResumesItsMigrationUntilDone() {
    LoadPlan p = LoadPlan.fromKeys(Arrays.asList(rk(1), "rooms_data"));
    assertEquals(LoadPlan.Kind.PER_ROOM, p.kind());
    assertTrue(p.resumeMigration());
    assertTrue(p.currentBlob());
    LoadPlan done =
        LoadPlan.fromKeys(Arrays.asList(rk(1), "rooms_data", RoomStorageKeys.MIGRATION_DONE));
    assertFalse(done.resumeMigration());
  }

  @Test
  void startedButNotDoneResumes() {
    LoadPlan p = LoadPlan.fromKeys(Arrays.asList(rk(1), RoomStorageKeys.MIGRATION_STARTED));
    assertEquals(LoadPlan.Kind.PER_ROOM, p.kind());
    assertTrue(p.resumeMigration());
    assertFalse(p.currentBlob());
  }

  @Test
  void onlyABlobMeansMigrateIt() {
    LoadPlan p = LoadPlan.fromKeys(Arrays.asList("rooms_data", "outbound_dms"));
    assertEquals(LoadPlan.Kind.MIGRATE_BLOB, p.kind());
    assertTrue(p.migrates());
  }

  @Test
  void nothingMeansProbeLegacy() {
    assertEquals(LoadPlan.Kind.PROBE_LEGACY, LoadPlan.fromKeys(List.of()).kind());
    assertEquals(
        LoadPlan.Kind.PROBE_LEGACY,
        LoadPlan.fromKeys(
                Arrays.asList("outbound_dms", "room:notbase58!", RoomStorageKeys.MIGRATION_STARTED))
            .kind());
  }

  @Test
  void onlyMetaStillMeansPerRoom() {
    assertEquals(LoadPlan.Kind.PER_ROOM, LoadPlan.fromKeys(List.of("rooms_meta")).kind());
  }

  @Test
  void roomStorageKeysRoundTripAndRejectJunk() {
    for (int n : new int[] {0, 1, 200, 255}) {
      assertEquals(key(n), RoomStorageKeys.parseRoomKey(rk(n)));
    }
    assertTrue(rk(0).startsWith("room:1111"));
    assertNull(RoomStorageKeys.parseRoomKey("room:"));
    assertNull(RoomStorageKeys.parseRoomKey("room:0OIl"));
    assertNull(RoomStorageKeys.parseRoomKey("room:abc"));
    assertNull(RoomStorageKeys.parseRoomKey("rooms_meta"));
    assertNull(RoomStorageKeys.parseRoomKey("room:1" + rk(5).substring(5)));
  }

  @Test
  void parsingIsExactlyTheInverseOfFormattingOnRandomKeys() {
    Random r = new Random(11);
    for (int i = 0; i < 2000; i++) {
      byte[] b = new byte[32];
      r.nextBytes(b);
      for (int z = r.nextInt(4); z > 0; z--) b[z - 1] = 0;
      RoomKey k = RoomKey.of(Bytes.of(b));
      String s = RoomStorageKeys.roomKey(k);
      assertEquals("room:" + Base58.encode(b), s);
      RoomKey back = RoomStorageKeys.parseRoomKey(s);
      assertEquals(k, back);
      assertEquals(s, RoomStorageKeys.roomKey(back));
      assertEquals(
          Base58.encode(b), RoomStorageKeys.base58Of(k), "the shown key text is plain Base58");
      assertNull(
          RoomStorageKeys.parseRoomKey("room:1" + s.substring(5)), "extra leading 1 for " + s);
    }
  }

  @Test
  void base58MatchesKnownVector() {
    assertEquals("StV1DL6CwTryKyV", RoomStorageKeys.base58("hello world".getBytes()));
    assertEquals("11", RoomStorageKeys.base58(new byte[2]));
  }
}
