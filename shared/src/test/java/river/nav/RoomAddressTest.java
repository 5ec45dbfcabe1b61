package river.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import river.rooms.Bytes;
import river.rooms.RoomKey;
import river.store.Base58;

class RoomAddressTest {
  static final RoomKey ROOM = RoomKey.of(Bytes.filled(32, 7));
  static final String ROOM58 = Base58.encode(ROOM.bytes().toArray());
  static final String MSG58 = Base58.encode(filled(64, 9));

  static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  @Test
  void noFragmentIsNone() {
    assertEquals(RoomAddress.NONE, RoomAddress.parse(""));
    assertEquals(RoomAddress.NONE, RoomAddress.parse("#"));
    assertEquals(RoomAddress.NONE, RoomAddress.parse("#/"));
    assertEquals(RoomAddress.NONE, RoomAddress.parse(null));
  }

  @Test
  void aRoomAddressRoundTrips() {
    RoomAddress a = RoomAddress.parse("#/room/" + ROOM58);
    assertEquals(RoomAddress.Kind.ROOM, a.kind());
    assertEquals(ROOM, a.room());
    assertNull(a.message());
    assertEquals("#/room/" + ROOM58, a.fragment());
    assertEquals(
        a, RoomAddress.parse("/room/" + ROOM58 + "/"), "leading # and trailing / optional");
  }

  @Test
  void aMessageAddressRoundTripsAndDropsToTheRoom() {
    RoomAddress a = RoomAddress.parse("#/room/" + ROOM58 + "/" + MSG58);
    assertEquals(ROOM, a.room());
    assertEquals(MSG58, a.message());
    assertEquals("#/room/" + ROOM58 + "/" + MSG58, a.fragment());
    assertEquals(RoomAddress.of(ROOM, null), a.roomOnly());
  }

  @Test
  void anythingElseIsMalformedNeverAnException() {
    for (String bad :
        new String[] {
          "#/rooms/" + ROOM58,
          "#/room/",
          "#/room/0OIl",
          "#/room/" + ROOM58.substring(1),
          "#/room/" + ROOM58 + "/" + ROOM58,
          "#/room/" + ROOM58 + "/" + MSG58 + "/x",
          "#room/" + ROOM58,
          "#/room/%E2%80%AE",
          "#/room/" + "z".repeat(500),
          "#search=x"
        }) {
      assertEquals(RoomAddress.MALFORMED, RoomAddress.parse(bad), bad);
    }
  }

  @Test
  void noneAndMalformedHaveNoFragment() {
    assertEquals("", RoomAddress.NONE.fragment());
    assertEquals("", RoomAddress.MALFORMED.fragment());
  }
}
