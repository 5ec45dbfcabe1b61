package river.node.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import river.node.crypto.Sha256;

/**
 * Credentials and ids: fresh random tokens, the SHA-256 the store keeps instead of a token, and
 * fresh user ids. Hazard: the token itself must never reach the database or a log; only {@link
 * #hashToken} output is stored.
 */
final class StoreTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private StoreTokens() {}

  /** A fresh random 256-bit credential, base64url without padding (43 characters). */
  static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** SHA-256 of the token's UTF-8 bytes: what the store keeps instead of the token. */
  static byte[] hashToken(String token) {
    return Sha256.of(token);
  }

  /** A fresh random user id: "u" and 32 hex digits. */
  static String newUserId() {
    byte[] idBytes = new byte[16];
    RANDOM.nextBytes(idBytes);
    return "u" + HexFormat.of().formatHex(idBytes);
  }
}
