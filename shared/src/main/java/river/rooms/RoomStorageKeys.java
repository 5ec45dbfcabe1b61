package river.rooms;

import java.util.ArrayList;
import java.util.List;
import river.store.Base58;
import river.store.StorageKeys;

/**
 * Names of the delegate keys the rooms model uses: `room:<base58 owner key>`, `rooms_meta`, the
 * legacy `rooms_data`, and this project's two migration markers. Parsing a key that is not a
 * valid room key returns null (a stray key must not break a load).
 * The key texts and base58 come from river.store (one definition for the app and the node); the
 * migration markers are ours. Hazard: a non-canonical base58 spelling would alias a room under
 * two keys, so parsing re-encodes and compares.
 */
public final class RoomStorageKeys {
  public static final String ROOM_PREFIX = StorageKeys.ROOM_PREFIX;
  public static final String ROOMS_META = StorageKeys.ROOMS_META;
  public static final String ROOMS_DATA = StorageKeys.ROOMS_DATA;
  /** Written before a migration re-saves anything; its presence without DONE means "resume". */
  public static final String MIGRATION_STARTED = "rooms_migration_started";
  /** Written only after every migrated room's per-room write landed. */
  public static final String MIGRATION_DONE = "rooms_migration_done";

  private RoomStorageKeys() {}

  /** The room's key in Base58 (the storage key without its prefix), computed once per RoomKey. */
  public static String base58Of(RoomKey key) {
    return roomKey(key).substring(ROOM_PREFIX.length());
  }

  public static String roomKey(RoomKey key) {
    String s = key.storageKey;
    if (s == null) {
      s = ROOM_PREFIX + base58(key.bytes().toArray());
      key.storageKey = s;
    }
    return s;
  }

  /** The room a `room:` key names, or null when the key is anything else or malformed. */
  public static RoomKey parseRoomKey(String storageKey) {
    if (storageKey == null || !storageKey.startsWith(ROOM_PREFIX)) {
      return null;
    }
    byte[] b = unbase58(storageKey.substring(ROOM_PREFIX.length()));
    if (b == null || b.length != RoomKey.LENGTH) {
      return null;
    }
    // Non-canonical spellings (extra leading '1's) would alias one room under two keys. Base58
    // text is canonical exactly when its leading '1's match the decoded leading zero bytes (the
    // rest is then the minimal digit string), which is far cheaper than re-encoding.
    String digits = storageKey.substring(ROOM_PREFIX.length());
    int ones = 0;
    while (ones < digits.length() && digits.charAt(ones) == '1') {
      ones++;
    }
    int zeros = 0;
    while (zeros < b.length && b[zeros] == 0) {
      zeros++;
    }
    if (ones != zeros) {
      return null;
    }
    RoomKey k = RoomKey.of(Bytes.of(b));
    k.storageKey = storageKey;
    return k;
  }

  public static List<RoomKey> roomKeysIn(List<String> keys) {
    List<RoomKey> out = new ArrayList<RoomKey>();
    for (String k : keys) {
      RoomKey r = parseRoomKey(k);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  static String base58(byte[] input) {
    return Base58.encode(input);
  }

  /** Null for text outside the base58 alphabet. */
  static byte[] unbase58(String s) {
    try {
      return Base58.decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
