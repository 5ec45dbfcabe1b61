package river.actions;

import java.util.List;

/**
 * Opens one wrap with the first of several private keys that opens it, trying them in turn (the
 * order {@code RoomSecrets.privateKeysToTry} gives: the member's published key first). AES-GCM
 * refuses a wrong key by its tag, so a key that does not fit fails cleanly and the next is tried;
 * {@code fail} is called once, when none fits.
 */
final class KeyTrial {
  private final SecretWrap wrap;
  private final List<byte[]> keys;
  private final byte[] ephemeral65;
  private final byte[] info;
  private final byte[] nonce12;
  private final byte[] wrapped;
  private final SecretWrap.BytesThen then;
  private final ActionLink.Fail fail;

  KeyTrial(
      SecretWrap wrap,
      List<byte[]> keys,
      byte[] ephemeral65,
      byte[] info,
      byte[] nonce12,
      byte[] wrapped,
      SecretWrap.BytesThen then,
      ActionLink.Fail fail) {
    this.wrap = wrap;
    this.keys = keys;
    this.ephemeral65 = ephemeral65;
    this.info = info;
    this.nonce12 = nonce12;
    this.wrapped = wrapped;
    this.then = then;
    this.fail = fail;
  }

  /** As {@link SecretWrap#unwrap}, with each of the keys in turn. */
  void run() {
    tryFrom(0);
  }

  private void tryFrom(final int at) {
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
            tryFrom(at + 1);
          }
        });
  }
}
