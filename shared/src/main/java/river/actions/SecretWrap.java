package river.actions;

import java.util.List;
import river.room.SealedBytes;

/**
 * The host's key agreement, for private-room secret versions and for direct messages (WebCrypto in
 * the browser, javax.crypto in JVM tests): P-256 ECDH, HKDF-SHA256 (empty salt, the given info, 32
 * bytes), then AES-256-GCM with a random 12-byte nonce (docs/private-rooms.md). What is sealed is
 * any bytes: a 32-byte room secret or a direct message's text. Keys travel as bytes: public keys as
 * the 65-byte uncompressed point, private keys as PKCS#8. Answers may come later; exactly one
 * callback is called.
 */
public interface SecretWrap {
  interface KeyPairThen {
    void accept(byte[] publicKey65, byte[] privateKeyPkcs8);
  }

  interface WrapsThen {
    /**
     * {@code wraps}: per recipient, in order, the 12-byte nonce followed by the AES-GCM output (the
     * plaintext's length plus a 16-byte tag: 48 bytes for a room secret).
     */
    void accept(byte[] ephemeralPublic65, List<byte[]> wraps);
  }

  interface BytesThen {
    void accept(byte[] bytes);
  }

  void newKeyPair(KeyPairThen then, ActionLink.Fail fail);

  /** One fresh ephemeral pair; for each recipient key and info, {@code plain} sealed to them. */
  void wrap(
      byte[] plain,
      List<byte[]> recipientKeys,
      List<byte[]> infos,
      WrapsThen then,
      ActionLink.Fail fail);

  /** The plaintext of one wrap, or fail when this private key was not a recipient. */
  void unwrap(
      byte[] privateKeyPkcs8,
      byte[] ephemeralPublic65,
      byte[] info,
      byte[] nonce12,
      byte[] wrapped,
      BytesThen then,
      ActionLink.Fail fail);

  /** Opens content sealed with a room secret (the rotation's earlier versions). */
  void open(byte[] secret32, SealedBytes sealed, BytesThen then, ActionLink.Fail fail);
}
