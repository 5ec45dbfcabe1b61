package river.client.app;

import elemental2.core.JsArray;
import elemental2.dom.DomGlobal;
import elemental2.promise.Promise;
import jsinterop.base.JsPropertyMap;
import river.cbor.Utf8;
import river.client.JsBytes;
import river.identity.BackupCipher;

/**
 * The profile backup's cipher in the browser: WebCrypto PBKDF2 (SHA-256, the header's iteration
 * count) derives a non-extractable AES-256-GCM key from the passphrase's UTF-8 bytes (as
 * javax.crypto's PBKDF2WithHmacSHA256 does, so a JVM can open the same file), then encrypts or
 * decrypts with the header as additional data. A failed decryption (wrong passphrase, altered
 * bytes) answers null.
 */
final class WebBackupCipher implements BackupCipher {
  private static Promise<Object> key(String passphrase, byte[] salt, int iterations) {
    WebCrypto.Subtle s = WebCrypto.subtle();
    JsPropertyMap<Object> pbkdf2 = JsPropertyMap.of();
    pbkdf2.set("name", "PBKDF2");
    return s.importKey(
            "raw", WebCrypto.u8(Utf8.encode(passphrase)), pbkdf2, false, new JsArray<>("deriveKey"))
        .then(
            base -> {
              JsPropertyMap<Object> alg = JsPropertyMap.of();
              alg.set("name", "PBKDF2");
              alg.set("salt", WebCrypto.u8(salt));
              // Numbers as double: J2CL boxes an int as an object, which WebCrypto cannot read.
              alg.set("iterations", (double) iterations);
              alg.set("hash", "SHA-256");
              JsPropertyMap<Object> aes = JsPropertyMap.of();
              aes.set("name", "AES-GCM");
              aes.set("length", 256.0);
              return s.deriveKey(alg, base, aes, false, new JsArray<>("encrypt", "decrypt"));
            });
  }

  private static JsPropertyMap<Object> gcm(byte[] iv, byte[] additionalData) {
    JsPropertyMap<Object> alg = JsPropertyMap.of();
    alg.set("name", "AES-GCM");
    alg.set("iv", WebCrypto.u8(iv));
    alg.set("additionalData", WebCrypto.u8(additionalData));
    alg.set("tagLength", 128.0);
    return alg;
  }

  @Override
  public void seal(
      String passphrase,
      byte[] salt,
      int iterations,
      byte[] iv,
      byte[] additionalData,
      byte[] plain,
      Done then) {
    if (WebCrypto.subtle() == null) {
      DomGlobal.console.warn("River: no WebCrypto, a backup cannot be made");
      then.done(null);
      return;
    }
    key(passphrase, salt, iterations)
        .then(k -> WebCrypto.subtle().encrypt(gcm(iv, additionalData), k, WebCrypto.u8(plain)))
        .then(
            out -> {
              then.done(JsBytes.fromBuffer(out));
              return null;
            })
        .catch_(
            error -> {
              then.done(null);
              return null;
            });
  }

  @Override
  public void open(
      String passphrase,
      byte[] salt,
      int iterations,
      byte[] iv,
      byte[] additionalData,
      byte[] sealed,
      Done then) {
    if (WebCrypto.subtle() == null) {
      then.done(null);
      return;
    }
    key(passphrase, salt, iterations)
        .then(k -> WebCrypto.subtle().decrypt(gcm(iv, additionalData), k, WebCrypto.u8(sealed)))
        .then(
            out -> {
              then.done(JsBytes.fromBuffer(out));
              return null;
            })
        .catch_(
            error -> {
              then.done(null);
              return null;
            });
  }
}
