package river.node.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Argument checks for the {@link DelegateStore} API, run on the caller's thread before anything is
 * queued or read. Hazard: the byte arrays are cloned here so a caller mutating its array after the
 * call cannot change what the writer thread applies; keep returning the clone.
 */
final class StoreArgs {

  private StoreArgs() {}

  static void checkUser(String user) {
    if (user == null || user.isEmpty()) {
      throw new IllegalArgumentException("user id is empty");
    }
    TooLargeException.check("user id", user.length(), DelegateStore.MAX_USER_ID_CHARS);
  }

  static byte[] checkDelegate(byte[] delegate) {
    if (delegate == null || delegate.length != DelegateStore.DELEGATE_ID_BYTES) {
      throw new IllegalArgumentException(
          "delegate id must be "
              + DelegateStore.DELEGATE_ID_BYTES
              + " bytes, got "
              + (delegate == null ? "null" : delegate.length));
    }
    return delegate.clone();
  }

  static byte[] checkKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    TooLargeException.check("key", key.length, DelegateStore.MAX_KEY_BYTES);
    return key.clone();
  }

  /** Every key checked as {@link #checkKey} does; a copy of the list, of copies of the keys. */
  static List<byte[]> checkKeys(List<byte[]> keys) {
    Objects.requireNonNull(keys, "keys");
    List<byte[]> copy = new ArrayList<>(keys.size());
    for (byte[] k : keys) {
      copy.add(checkKey(k));
    }
    return copy;
  }

  static byte[] checkTokenHash(byte[] h) {
    if (h == null || h.length != 32) {
      throw new IllegalArgumentException("token hash must be 32 bytes (SHA-256)");
    }
    return h.clone();
  }
}
