package river.room;

/**
 * Derives an Ed25519 verifying key from a 32-byte private seed (RFC 8032 §5.1.5). Used only to
 * check that an invitation's private key belongs to the member it claims to be; supplied by the
 * runtime like {@link SignatureVerifier}.
 */
public interface PublicKeyDerivation {
  byte[] publicKey(byte[] seed32);
}
