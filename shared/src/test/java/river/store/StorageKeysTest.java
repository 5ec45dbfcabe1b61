package river.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Our delegate keys parse back; anything else is refused with a reason. */
class StorageKeysTest {
  static final byte[] OWNER = new byte[32];

  static {
    for (int i = 0; i < 32; i++) {
      OWNER[i] = (byte) (i * 7 + 1);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String reject(String key) {
    return reject(utf8(key));
  }

  private static String reject(byte[] key) {
    return assertThrows(IllegalArgumentException.class, () -> StorageKeys.parse(key))
        .getMessage();
  }

  @Test
  void roomKeyIsPrefixPlusBase58() {
    assertEquals("room:" + Base58.encode(OWNER),
        new String(StorageKeys.room(OWNER), StandardCharsets.UTF_8));
  }

  @Test
  void roomKeyParsesBackToItsOwner() {
    StorageKey k = StorageKeys.parse(StorageKeys.room(OWNER));
    assertEquals(StorageKey.Kind.ROOM, k.kind());
    assertArrayEquals(OWNER, k.ownerKey());
    assertArrayEquals(StorageKeys.room(OWNER), k.toBytes());
  }

  @Test
  void allZeroOwnerKeyRoundTrips() {
    byte[] zero = new byte[32];
    assertEquals("room:" + "1".repeat(32), new String(StorageKeys.room(zero), StandardCharsets.UTF_8));
    assertArrayEquals(zero, StorageKeys.parse(StorageKeys.room(zero)).ownerKey());
  }

  @Test
  void metaAndLegacyDataKeys() {
    assertEquals(StorageKey.Kind.ROOMS_META, StorageKeys.parse(utf8("rooms_meta")).kind());
    assertEquals(StorageKey.Kind.ROOMS_DATA, StorageKeys.parse(utf8("rooms_data")).kind());
    assertArrayEquals(utf8("rooms_meta"), StorageKeys.roomsMeta());
  }

  @Test
  void ownerKeyOfWrongSizeCannotBuildAKey() {
    assertThrows(IllegalArgumentException.class, () -> StorageKeys.room(new byte[31]));
  }

  @Test
  void emptyKeyIsRejected() {
    assertTrue(reject("").contains("unknown storage key"));
  }

  @Test
  void otherPrefixesAreRejected() {
    reject("rooms:" + Base58.encode(OWNER));
    reject("Room:" + Base58.encode(OWNER));
    reject("rooms_meta2");
    reject(" rooms_meta");
  }

  @Test
  void roomPrefixWithoutOwnerIsRejected() {
    assertTrue(reject("room:").contains("without an owner"));
  }

  @Test
  void badBase58CharacterIsRejected() {
    String enc = Base58.encode(OWNER);
    assertTrue(reject("room:0" + enc.substring(1)).contains("invalid base58 character"));
  }

  @Test
  void ownerKeyOf31Or33BytesIsRejected() {
    assertTrue(reject("room:" + Base58.encode(new byte[31])).contains("32 bytes"));
    byte[] k33 = new byte[33];
    k33[0] = 5;
    assertTrue(reject("room:" + Base58.encode(k33)).contains("32 bytes"));
  }

  @Test
  void extraLeadingOneIsRejected() {
    reject("room:1" + Base58.encode(OWNER));
  }

  @Test
  void invalidUtf8IsRejected() {
    assertTrue(reject(new byte[] {'r', (byte) 0xff}).contains("UTF-8"));
  }
}
