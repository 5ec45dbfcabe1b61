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
import river.client.JsBytes;

/**
 * The browser's WebCrypto ({@code crypto.subtle}, {@code crypto.getRandomValues}) as the app uses
 * it, described once for the room cipher, the room key agreement and the backup cipher (Elemental2
 * 1.1.0 does not describe it usably). WebCrypto exists only in a secure context (https or a
 * loopback address): {@link #subtle} is then null, and callers say so in words.
 */
final class WebCrypto {
  @JsType(isNative = true, namespace = JsPackage.GLOBAL, name = "Object")
  static class Subtle {
    public native Promise<Object> generateKey(
        JsPropertyMap<Object> algorithm, boolean extractable, JsArray<String> usages);

    public native Promise<ArrayBuffer> exportKey(String format, Object key);

    public native Promise<Object> importKey(
        String format,
        Uint8Array keyData,
        JsPropertyMap<Object> algorithm,
        boolean extractable,
        JsArray<String> usages);

    public native Promise<ArrayBuffer> deriveBits(
        JsPropertyMap<Object> algorithm, Object baseKey, int length);

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

  @JsType(isNative = true, namespace = JsPackage.GLOBAL, name = "Object")
  private static class Crypto {
    public Subtle subtle;

    public native Uint8Array getRandomValues(Uint8Array array);
  }

  private WebCrypto() {}

  private static Crypto crypto() {
    return Js.uncheckedCast(Js.asPropertyMap(DomGlobal.window).get("crypto"));
  }

  /** {@code crypto.subtle}, or null outside a secure context. */
  static Subtle subtle() {
    Crypto c = crypto();
    return c == null ? null : c.subtle;
  }

  static boolean available() {
    return subtle() != null;
  }

  /** {@code n} random bytes from the browser's CSPRNG. */
  static byte[] random(int n) {
    Uint8Array a = new Uint8Array(n);
    crypto().getRandomValues(a);
    return JsBytes.fromBuffer(a.buffer);
  }

  static Uint8Array u8(byte[] b) {
    return new Uint8Array(JsBytes.toBuffer(b));
  }
}
