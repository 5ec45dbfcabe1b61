package river.room;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.chat.RoomSecrets;
import river.rooms.Bytes;

/** Stored room secrets round-trip, the newest wins, damaged entries are skipped. */
class RoomSecretsTest {
  @Test
  void roundTripNewestAndDamage() {
    byte[] s1 = new byte[32];
    byte[] s2 = new byte[32];
    Arrays.fill(s2, (byte) 7);
    List<Bytes> stored =
        List.of(RoomSecrets.encode(1, s1), Bytes.of(new byte[] {1, 2}), RoomSecrets.encode(2, s2));
    assertArrayEquals(s2, RoomSecrets.find(stored, 2));
    assertArrayEquals(s1, RoomSecrets.find(stored, 1));
    assertNull(RoomSecrets.find(stored, 3));
    assertEquals(2, RoomSecrets.newest(stored).version());
    assertEquals(2, RoomSecrets.decodeAll(stored).size());
    assertNull(RoomSecrets.newest(List.of()));
  }
}
