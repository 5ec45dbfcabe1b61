package river.rooms;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of the delegate keys the rooms model uses: `room:<base58 owner key>`, `rooms_meta`, the
 * legacy `rooms_data`, and this project's two migration markers. Parsing a key that is not a
 * valid room key returns null (a stray key must not break a load).
 * Hazard: the base58 here must match river.store's StorageKeys bit for bit; it is kept local
 * until the codec branch is merged (see the report) and then replaced by a call.
 */
public final class RoomStorageKeys {
  public static final String ROOM_PREFIX = "room:";
  public static final String ROOMS_META = "rooms_meta";
  public static final String ROOMS_DATA = "rooms_data";
  /** Written before a migration re-saves anything; its presence without DONE means "resume". */
  public static final String MIGRATION_STARTED = "rooms_migration_started";
  /** Written only after every migrated room's per-room write landed. */
  public static final String MIGRATION_DONE = "rooms_migration_done";

  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private RoomStorageKeys() {}

  public static String roomKey(RoomKey key) {
    return ROOM_PREFIX + base58(key.bytes().toArray());
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
    RoomKey k = RoomKey.of(Bytes.of(b));
    // Non-canonical spellings (e.g. extra leading '1's) would alias one room under two keys.
    return roomKey(k).equals(storageKey) ? k : null;
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
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) {
      zeros++;
    }
    byte[] digits = new byte[input.length * 2];
    int len = 0;
    for (int i = zeros; i < input.length; i++) {
      int carry = input[i] & 0xff;
      for (int j = 0; j < len; j++) {
        carry += (digits[j] & 0xff) << 8;
        digits[j] = (byte) (carry % 58);
        carry /= 58;
      }
      while (carry > 0) {
        digits[len++] = (byte) (carry % 58);
        carry /= 58;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < zeros; i++) {
      sb.append('1');
    }
    for (int i = len - 1; i >= 0; i--) {
      sb.append(ALPHABET.charAt(digits[i]));
    }
    return sb.toString();
  }

  static byte[] unbase58(String s) {
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] bytes = new byte[s.length()];
    int len = 0;
    for (int i = zeros; i < s.length(); i++) {
      int v = ALPHABET.indexOf(s.charAt(i));
      if (v < 0) {
        return null;
      }
      int carry = v;
      for (int j = 0; j < len; j++) {
        carry += (bytes[j] & 0xff) * 58;
        bytes[j] = (byte) carry;
        carry >>= 8;
      }
      while (carry > 0) {
        bytes[len++] = (byte) carry;
        carry >>= 8;
      }
    }
    byte[] out = new byte[zeros + len];
    for (int i = 0; i < len; i++) {
      out[zeros + i] = bytes[len - 1 - i];
    }
    return out;
  }
}
