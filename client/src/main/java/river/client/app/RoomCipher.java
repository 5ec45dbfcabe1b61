package river.client.app;

import elemental2.core.JsArray;
import elemental2.core.Uint8Array;
import elemental2.promise.Promise;
import java.util.HashMap;
import java.util.Map;
import jsinterop.base.JsPropertyMap;
import river.client.JsBytes;
import river.room.SealedBytes;
import river.store.Base58;

/**
 * Private-room content: AES-256-GCM through WebCrypto ({@code crypto.subtle}) with the room secret,
 * a fresh random 12-byte nonce per value and no associated data; the ciphertext carries the 16-byte
 * tag at its end (as SealedBytes counts it). WebCrypto needs a secure context (https, or a loopback
 * address); without it private rooms cannot be used, and say so.
 */
final class RoomCipher {
  private final Map<String, Promise<Object>> keys = new HashMap<>();

  private Promise<Object> key(byte[] secret) {
    String id = Base58.encode(secret);
    Promise<Object> k = keys.get(id);
    if (k == null) {
      JsPropertyMap<Object> alg = JsPropertyMap.of();
      alg.set("name", "AES-GCM");
      JsArray<String> usages = new JsArray<>("encrypt", "decrypt");
      k =
          WebCrypto.subtle()
              .importKey("raw", new Uint8Array(JsBytes.toBuffer(secret)), alg, false, usages);
      keys.put(id, k);
    }
    return k;
  }

  private static JsPropertyMap<Object> gcm(byte[] nonce) {
    JsPropertyMap<Object> alg = JsPropertyMap.of();
    alg.set("name", "AES-GCM");
    alg.set("iv", new Uint8Array(JsBytes.toBuffer(nonce)));
    return alg;
  }

  void encrypt(
      byte[] secret,
      long version,
      byte[] plain,
      NodeCalls.Then<SealedBytes> then,
      NodeCalls.Fail fail) {
    if (!WebCrypto.available()) {
      fail.fail(
          "private rooms need WebCrypto, which this page does not have (open River over https or localhost)");
      return;
    }
    byte[] nonce = WebCrypto.random(12);
    key(secret)
        .then(
            k -> WebCrypto.subtle().encrypt(gcm(nonce), k, new Uint8Array(JsBytes.toBuffer(plain))))
        .then(
            cipher -> {
              then.accept(SealedBytes.privateBytes(JsBytes.fromBuffer(cipher), nonce, version));
              return null;
            })
        .catch_(
            error -> {
              fail.fail("encryption failed: " + error);
              return null;
            });
  }

  /** Public content as is; private content encrypted with the room secret of {@code version}. */
  void seal(
      boolean isPrivate,
      byte[] secret,
      long version,
      byte[] plain,
      NodeCalls.Then<SealedBytes> then,
      NodeCalls.Fail fail) {
    if (!isPrivate) {
      then.accept(SealedBytes.publicBytes(plain));
    } else if (secret == null) {
      fail.fail("you do not hold this private room's key");
    } else {
      encrypt(secret, version, plain, then, fail);
    }
  }

  void decrypt(
      byte[] secret, SealedBytes sealed, NodeCalls.Then<byte[]> then, NodeCalls.Fail fail) {
    if (!WebCrypto.available()) {
      fail.fail("no WebCrypto");
      return;
    }
    key(secret)
        .then(
            k ->
                WebCrypto.subtle()
                    .decrypt(
                        gcm(sealed.nonce()), k, new Uint8Array(JsBytes.toBuffer(sealed.data()))))
        .then(
            plain -> {
              then.accept(JsBytes.fromBuffer(plain));
              return null;
            })
        .catch_(
            error -> {
              fail.fail("cannot decrypt: " + error);
              return null;
            });
  }
}
