package river.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import river.cbor.CborException;
import river.cbor.Utf8;
import river.wire.DelegateResponse;

/**
 * Storage keys are UTF-8 text in the engines (river.rooms.RoomStorageKeys) and bytes on the wire;
 * this is where one becomes the other. Hazard: a listed key that is not UTF-8 cannot be one of
 * ours; it is dropped here rather than turned into a look-alike string.
 */
final class KeyText {
  private KeyText() {}

  static byte[] bytes(String key) {
    return Utf8.encode(key);
  }

  static List<byte[]> bytes(List<String> keys) {
    List<byte[]> out = new ArrayList<byte[]>(keys.size());
    for (String k : keys) {
      out.add(Utf8.encode(k));
    }
    return out;
  }

  /** The listed keys as text, in the node's order; a key that is not UTF-8 is left out. */
  static List<String> listed(DelegateResponse.ListKeys list) {
    List<String> keys = new ArrayList<String>();
    for (byte[] k : list.keys()) {
      String text = text(k);
      if (text != null) {
        keys.add(text);
      }
    }
    return keys;
  }

  /**
   * Each key of a GetMany answer as text, with its index; a key that is not UTF-8 is left out, as
   * {@link #listed} leaves it out.
   */
  static HashMap<String, Integer> indexed(DelegateResponse.GetMany many) {
    HashMap<String, Integer> out = new HashMap<String, Integer>();
    for (int i = 0; i < many.size(); i++) {
      String text = text(many.key(i));
      if (text != null) {
        out.put(text, i);
      }
    }
    return out;
  }

  /** A listed key as text, or null when it is not UTF-8 (then it is not a key this app wrote). */
  private static String text(byte[] key) {
    try {
      return Utf8.decode(key, 0, key.length);
    } catch (CborException e) {
      return null;
    }
  }

  /**
   * Whether a GetMany answer is for exactly {@code keys}, in order (else it answers someone else's
   * question, and its values must not be taken for these keys).
   */
  static boolean answers(DelegateResponse.GetMany many, List<String> keys) {
    if (many.size() != keys.size()) {
      return false;
    }
    for (int i = 0; i < keys.size(); i++) {
      if (!Arrays.equals(many.key(i), Utf8.encode(keys.get(i)))) {
        return false;
      }
    }
    return true;
  }
}
