package river.client.app;

import elemental2.core.ArrayBuffer;
import elemental2.core.JsArray;
import elemental2.core.Uint8Array;
import elemental2.dom.DomGlobal;
import elemental2.promise.Promise;
import jsinterop.annotations.JsPackage;
import jsinterop.annotations.JsType;
import jsinterop.base.Js;
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
  @JsType(isNative = true, namespace = JsPackage.GLOBAL, name = "Object")
  static class Subtle {
    public native Promise<Object> importKey(
        String format,
        Uint8Array keyData,
        JsPropertyMap<Object> algorithm,
        boolean extractable,
        JsArray<String> usages);

    public native Promise<Object> deriveKey(
        JsPropertyMap<Object> algorithm,
        Object baseKey,
        JsPropertyMap<Object> derivedKeyType,
        boolean extractable,
        JsArray<String> usages);

    public native Promise<ArrayBuffer> encrypt(
        JsPropertyMap<Object> algorithm, Object key, Uint8Array data);

    public native Promise<ArrayBuffer> decrypt(
        JsPropertyMap<Object> algorithm, Object key, Uint8Array data);
  }

  private static Subtle subtle() {
    Object crypto = Js.asPropertyMap(DomGlobal.window).get("crypto");
    return crypto == null ? null : Js.uncheckedCast(Js.asPropertyMap(crypto).get("subtle"));
  }

  private static Uint8Array u8(byte[] b) {
    return new Uint8Array(JsBytes.toBuffer(b));
  }

  private static Promise<Object> key(String passphrase, byte[] salt, int iterations) {
    Subtle s = subtle();
    JsPropertyMap<Object> pbkdf2 = JsPropertyMap.of();
    pbkdf2.set("name", "PBKDF2");
    return s.importKey(
            "raw", u8(Utf8.encode(passphrase)), pbkdf2, false, new JsArray<>("deriveKey"))
        .then(
            base -> {
              JsPropertyMap<Object> alg = JsPropertyMap.of();
              alg.set("name", "PBKDF2");
              alg.set("salt", u8(salt));
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
    alg.set("iv", u8(iv));
    alg.set("additionalData", u8(additionalData));
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
    if (subtle() == null) {
      DomGlobal.console.warn("River: no WebCrypto, a backup cannot be made");
      then.done(null);
      return;
    }
    key(passphrase, salt, iterations)
        .then(k -> subtle().encrypt(gcm(iv, additionalData), k, u8(plain)))
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
    if (subtle() == null) {
      then.done(null);
      return;
    }
    key(passphrase, salt, iterations)
        .then(k -> subtle().decrypt(gcm(iv, additionalData), k, u8(sealed)))
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
