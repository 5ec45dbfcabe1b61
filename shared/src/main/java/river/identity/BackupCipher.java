package river.identity;

/**
 * The host's passphrase encryption for profile backups: PBKDF2-HMAC-SHA256 with the given salt and
 * iteration count derives a 256-bit key; AES-256-GCM (96-bit IV, 128-bit tag) seals or opens with
 * the given additional data. WebCrypto in the browser, javax.crypto on the JVM. Answers may come
 * later (WebCrypto is promise-based); {@code then} is called exactly once.
 */
public interface BackupCipher {
  interface Done {
    /** The output, or null when opening failed (wrong key, or altered bytes: GCM cannot tell). */
    void done(byte[] out);
  }

  void seal(
      String passphrase,
      byte[] salt,
      int iterations,
      byte[] iv,
      byte[] additionalData,
      byte[] plain,
      Done then);

  void open(
      String passphrase,
      byte[] salt,
      int iterations,
      byte[] iv,
      byte[] additionalData,
      byte[] sealed,
      Done then);
}
