package river.store;

import river.cbor.CborException;
import river.cbor.Utf8;

/**
 * The keys the app stores in the chat delegate (DESIGN.md "What the app stores in the
 * delegate"), as UTF-8 bytes: "room:" + base58 of the room owner's 32-byte verifying key,
 * "rooms_meta", and the legacy "rooms_data". Parsing accepts exactly these and nothing else.
 * Hazard: base58 text that decodes to 31 or 33 bytes, or with extra leading '1's, would be a
 * second key for the same (or no) room; only the canonical text of a 32-byte key is accepted.
 */
public final class StorageKeys {
  public static final String ROOM_PREFIX = "room:";
  public static final String ROOMS_META = "rooms_meta";
  public static final String ROOMS_DATA = "rooms_data";
  public static final int OWNER_KEY_SIZE = 32;

  private StorageKeys() {}

  /** Key of the slot of the room owned by {@code ownerKey} (32 bytes). */
  public static byte[] room(byte[] ownerKey) {
    if (ownerKey.length != OWNER_KEY_SIZE) {
      throw new IllegalArgumentException("room owner key must be 32 bytes, got " + ownerKey.length);
    }
    return Utf8.encode(ROOM_PREFIX + Base58.encode(ownerKey));
  }

  public static byte[] roomsMeta() {
    return Utf8.encode(ROOMS_META);
  }

  public static byte[] roomsData() {
    return Utf8.encode(ROOMS_DATA);
  }

  /** IllegalArgumentException with the reason for anything that is not one of our keys. */
  public static StorageKey parse(byte[] key) {
    String text;
    try {
      text = Utf8.decode(key, 0, key.length);
    } catch (CborException e) {
      throw new IllegalArgumentException("storage key is not UTF-8: " + e.getMessage());
    }
    if (text.equals(ROOMS_META)) {
      return new StorageKey(StorageKey.Kind.ROOMS_META, null);
    }
    if (text.equals(ROOMS_DATA)) {
      return new StorageKey(StorageKey.Kind.ROOMS_DATA, null);
    }
    if (!text.startsWith(ROOM_PREFIX)) {
      throw new IllegalArgumentException("unknown storage key \"" + text + "\"");
    }
    String encoded = text.substring(ROOM_PREFIX.length());
    if (encoded.isEmpty()) {
      throw new IllegalArgumentException("room key without an owner key");
    }
    byte[] owner = Base58.decode(encoded);
    if (owner.length != OWNER_KEY_SIZE) {
      throw new IllegalArgumentException(
          "room owner key must decode to 32 bytes, got " + owner.length);
    }
    if (!Base58.encode(owner).equals(encoded)) {
      throw new IllegalArgumentException("room owner key is not canonical base58");
    }
    return new StorageKey(StorageKey.Kind.ROOM, owner);
  }
}
