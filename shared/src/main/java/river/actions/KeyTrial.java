package river.actions;

import java.util.List;

/**
 * Opens one wrap with the first of several private keys that opens it, trying them in turn (the
 * order {@code RoomSecrets.privateKeysToTry} gives: the member's published key first). AES-GCM
 * refuses a wrong key by its tag, so a key that does not fit fails cleanly and the next is tried;
 * {@code fail} is called once, when none fits.
 */
final class KeyTrial {
  private KeyTrial() {}

  static void unwrap(
      final SecretWrap wrap,
      final List<byte[]> keys,
      final byte[] ephemeral65,
      final byte[] info,
      final byte[] nonce12,
      final byte[] wrapped,
      final SecretWrap.BytesThen then,
      final ActionLink.Fail fail) {
    tryFrom(wrap, keys, 0, ephemeral65, info, nonce12, wrapped, then, fail);
  }

  private static void tryFrom(
      final SecretWrap wrap,
      final List<byte[]> keys,
      final int at,
      final byte[] ephemeral65,
      final byte[] info,
      final byte[] nonce12,
      final byte[] wrapped,
      final SecretWrap.BytesThen then,
      final ActionLink.Fail fail) {
    if (at >= keys.size()) {
      fail.fail("none of this member's keys opens it");
      return;
    }
    wrap.unwrap(
        keys.get(at),
        ephemeral65,
        info,
        nonce12,
        wrapped,
        then,
        new ActionLink.Fail() {
          @Override
          public void fail(String notThisKey) {
            tryFrom(wrap, keys, at + 1, ephemeral65, info, nonce12, wrapped, then, fail);
          }
        });
  }
}
