package river.rooms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.store.Base58;

/**
 * The delegate key texts are stored data: they parse back to their room, and anything else (other
 * keys, other spellings, other sizes) is not a room key. (A listed key that is not UTF-8 never
 * reaches the parser: river.engine.KeyTextTest.)
 */
class RoomStorageKeysTest {
  static final byte[] OWNER = new byte[32];

  static {
    for (int i = 0; i < 32; i++) {
      OWNER[i] = (byte) (i * 7 + 1);
    }
  }

  private static RoomKey room(byte[] b) {
    return RoomKey.of(Bytes.of(b));
  }

  @Test
  void theKeyTextsAreThoseAlreadyStored() {
    assertEquals("room:", RoomStorageKeys.ROOM_PREFIX);
    assertEquals("rooms_meta", RoomStorageKeys.ROOMS_META);
    assertEquals("rooms_data", RoomStorageKeys.ROOMS_DATA);
    assertEquals("rooms_migration_started", RoomStorageKeys.MIGRATION_STARTED);
    assertEquals("rooms_migration_done", RoomStorageKeys.MIGRATION_DONE);
  }

  @Test
  void aRoomKeyIsThePrefixPlusBase58AndParsesBackToItsOwner() {
    String key = RoomStorageKeys.roomKey(room(OWNER));
    assertEquals("room:" + Base58.encode(OWNER), key);
    assertArrayEquals(OWNER, RoomStorageKeys.parseRoomKey(key).bytes().toArray());
    assertEquals(Base58.encode(OWNER), RoomStorageKeys.base58Of(room(OWNER)));
  }

  @Test
  void anAllZeroOwnerKeyIsThirtyTwoOnes() {
    String key = RoomStorageKeys.roomKey(room(new byte[32]));
    assertEquals("room:" + "1".repeat(32), key);
    assertEquals(room(new byte[32]), RoomStorageKeys.parseRoomKey(key));
  }

  @Test
  void anOwnerKeyOfAnotherSizeCannotMakeARoomKey() {
    assertThrows(IllegalArgumentException.class, () -> room(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> room(new byte[33]));
  }

  @Test
  void theOtherKeysAreNotRoomKeys() {
    for (String k :
        new String[] {
          RoomStorageKeys.ROOMS_META,
          RoomStorageKeys.ROOMS_DATA,
          RoomStorageKeys.MIGRATION_STARTED,
          RoomStorageKeys.MIGRATION_DONE,
          "",
          "room:"
        }) {
      assertNull(RoomStorageKeys.parseRoomKey(k), k);
    }
    assertNull(RoomStorageKeys.parseRoomKey(null));
  }

  @Test
  void otherPrefixesAndStraySpacesAreNotRoomKeys() {
    String enc = Base58.encode(OWNER);
    for (String k :
        new String[] {
          "rooms:" + enc,
          "Room:" + enc,
          " room:" + enc,
          "room: " + enc,
          "room:" + enc + " ",
          "room:" + enc + "\n",
          "room::" + enc
        }) {
      assertNull(RoomStorageKeys.parseRoomKey(k), k);
    }
  }

  @Test
  void charactersOutsideTheBase58AlphabetAreNotRoomKeys() {
    String enc = Base58.encode(OWNER);
    for (char c : new char[] {'0', 'O', 'I', 'l', '+', '/', '\u00e9'}) {
      assertNull(RoomStorageKeys.parseRoomKey("room:" + c + enc.substring(1)), "" + c);
    }
  }

  @Test
  void ownerKeysOf31Or33BytesAreNotRoomKeys() {
    assertNull(RoomStorageKeys.parseRoomKey("room:" + Base58.encode(new byte[31])));
    byte[] k33 = new byte[33];
    k33[0] = 5;
    assertNull(RoomStorageKeys.parseRoomKey("room:" + Base58.encode(k33)));
  }

  @Test
  void anExtraLeadingOneIsNotASecondSpellingOfTheRoom() {
    assertNull(RoomStorageKeys.parseRoomKey("room:1" + Base58.encode(OWNER)));
    byte[] leadingZero = OWNER.clone();
    leadingZero[0] = 0;
    assertNull(RoomStorageKeys.parseRoomKey("room:1" + Base58.encode(leadingZero)));
  }

  /**
   * Whatever text is accepted is the one spelling roomKey would write (checked without the memo).
   */
  @Test
  void everyAcceptedKeyIsTheCanonicalSpellingOfItsRoom() {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    Random r = new Random(58);
    int accepted = 0;
    for (int i = 0; i < 20000; i++) {
      StringBuilder digits = new StringBuilder();
      for (int ones = r.nextInt(4); ones > 0; ones--) {
        digits.append('1');
      }
      for (int n = 40 + r.nextInt(6); n > 0; n--) {
        digits.append(alphabet.charAt(r.nextInt(58)));
      }
      RoomKey k = RoomStorageKeys.parseRoomKey("room:" + digits);
      if (k != null) {
        accepted++;
        assertEquals(Base58.encode(k.bytes().toArray()), digits.toString());
      }
    }
    assertEquals(true, accepted > 1000, "too few accepted keys to mean anything: " + accepted);
  }

  @Test
  void roomKeysInKeepsTheRoomKeysInOrderAndSkipsTheRest() {
    byte[] other = OWNER.clone();
    other[5] ^= 1;
    List<RoomKey> rooms =
        RoomStorageKeys.roomKeysIn(
            Arrays.asList(
                RoomStorageKeys.roomKey(room(other)),
                "rooms_meta",
                "room:0",
                "outbound_dms",
                RoomStorageKeys.roomKey(room(OWNER))));
    assertEquals(Arrays.asList(room(other), room(OWNER)), rooms);
  }
}
