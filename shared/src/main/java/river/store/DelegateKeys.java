package river.store;

import java.util.Arrays;

/**
 * The 32-byte keys of the chat delegate versions: CURRENT = SHA-256("river.chat-delegate/2"),
 * LEGACY = SHA-256("river.chat-delegate/1") (UTF-8 text). Hard-coded because J2CL has no
 * MessageDigest; a JVM test recomputes them. Hazard: a wrong byte silently points every tab at an
 * empty store, which looks exactly like "all my rooms are gone".
 */
public final class DelegateKeys {
  private static final byte[] CURRENT =
      hex("9a6f204696ee417997b8f4c3960dfdfbcaf687963226099434e259cd5375cef0");
  private static final byte[] LEGACY =
      hex("4e65ee55c0c8e22ecc04d9e004a55ff9193574180113f96123b5be833083a544");

  private DelegateKeys() {}

  /** Key of the current delegate (versioned envelope, CAS). */
  public static byte[] current() {
    return Arrays.copyOf(CURRENT, CURRENT.length);
  }

  /** Key of the legacy delegate (plain KV, rooms_data blob). */
  public static byte[] legacy() {
    return Arrays.copyOf(LEGACY, LEGACY.length);
  }

  /** Legacy delegate keys to probe during migration, newest first. */
  public static byte[][] legacyNewestFirst() {
    return new byte[][] {legacy()};
  }

  private static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
