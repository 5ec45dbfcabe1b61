package river.rooms;

import java.util.ArrayList;
import java.util.List;
import river.store.Base58;

/**
 * The keys the app stores in the chat delegate (DESIGN.md "What the app stores in the delegate"),
 * as text (the wire carries their UTF-8 bytes; a listed key that is not UTF-8 is dropped in
 * river.engine.KeyText before it gets here): `room:` + base58 of the room owner's 32-byte verifying
 * key, `rooms_meta`, the legacy `rooms_data` blob, and this project's two migration markers. This
 * is the only parser of these keys (LoadPlan, LoadFlow and LiveUpdates use it).
 *
 * <p>{@link #parseRoomKey} answers null, never an exception, for anything that is not a room key (a
 * stray or foreign key must not break a load). Hazard: a second spelling of one room's key would
 * make two slots for one room, and the parsed text is memoized on the RoomKey and written back by
 * saves. Two checks keep parsing exactly the inverse of {@link #roomKey}: the decoded key must be
 * 32 bytes (with Base58.decode as it is, an extra leading '1' decodes to 33 bytes and is refused
 * here), and the number of leading '1's must equal the number of leading zero bytes, which is the
 * base58 canonical rule itself (the rest is then the minimal digit string) and keeps parsing exact
 * even under a decoder that dropped extra zeros. Cheaper than re-encoding, which is quadratic.
 */
public final class RoomStorageKeys {
  public static final String ROOM_PREFIX = "room:";
  public static final String ROOMS_META = "rooms_meta";

  /** Legacy: the whole room list in one blob; read for migration, never written. */
  public static final String ROOMS_DATA = "rooms_data";

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
    // Canonical base58: one leading '1' per leading zero byte (see the class comment).
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
