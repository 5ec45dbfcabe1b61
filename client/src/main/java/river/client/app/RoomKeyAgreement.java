package river.client.app;

import elemental2.core.JsArray;
import elemental2.core.Uint8Array;
import java.util.ArrayList;
import java.util.List;
import jsinterop.base.Js;
import jsinterop.base.JsPropertyMap;
import river.actions.ActionLink;
import river.actions.SecretWrap;
import river.client.JsBytes;
import river.room.SealedBytes;

/**
 * The browser's {@link SecretWrap}: WebCrypto P-256 ECDH ({@code deriveBits}, 256 bits),
 * HKDF-SHA256 with an empty salt and the given info to an AES-256-GCM key, then AES-GCM with a
 * fresh 12-byte nonce; public keys as the raw 65-byte point, private keys as PKCS#8 (the same bytes
 * the JVM's javax.crypto reads, so a test on either side opens the other's wraps). P-256, not
 * X25519: every browser's WebCrypto has P-256 ECDH, X25519 only recently. {@code after} runs after
 * every answer, so the caller pumps its engines.
 */
final class RoomKeyAgreement implements SecretWrap {
  private static final String NO_CRYPTO =
      "Private rooms need a secure page (https or localhost) in a current browser.";
  private static final String FAILED = "The room's key could not be exchanged on this page.";

  private final RoomCipher cipher;
  private final Runnable after;

  RoomKeyAgreement(RoomCipher cipher, Runnable after) {
    this.cipher = cipher;
    this.after = after;
  }

  private static JsPropertyMap<Object> ecdh() {
    JsPropertyMap<Object> a = JsPropertyMap.of();
    a.set("name", "ECDH");
    a.set("namedCurve", "P-256");
    return a;
  }

  private static JsPropertyMap<Object> gcm(byte[] nonce) {
    JsPropertyMap<Object> a = JsPropertyMap.of();
    a.set("name", "AES-GCM");
    a.set("iv", WebCrypto.u8(nonce));
    return a;
  }

  private static JsArray<String> usages(String... u) {
    return new JsArray<>(u);
  }

  private ActionLink.Fail failing(final ActionLink.Fail fail) {
    return m -> {
      fail.fail(FAILED);
      after.run();
    };
  }

  @Override
  public void newKeyPair(final KeyPairThen then, ActionLink.Fail given) {
    final ActionLink.Fail fail = failing(given);
    final WebCrypto.Subtle s = WebCrypto.subtle();
    if (s == null) {
      given.fail(NO_CRYPTO);
      return;
    }
    s.generateKey(ecdh(), true, usages("deriveBits"))
        .then(
            pair ->
                s.exportKey("raw", Js.asPropertyMap(pair).get("publicKey"))
                    .then(
                        raw ->
                            s.exportKey("pkcs8", Js.asPropertyMap(pair).get("privateKey"))
                                .then(
                                    pkcs8 -> {
                                      then.accept(
                                          JsBytes.fromBuffer(raw), JsBytes.fromBuffer(pkcs8));
                                      after.run();
                                      return null;
                                    })))
        .catch_(
            e -> {
              fail.fail(String.valueOf(e));
              return null;
            });
  }

  @Override
  public void wrap(
      final byte[] plain,
      final List<byte[]> recipientKeys,
      final List<byte[]> infos,
      final WrapsThen then,
      ActionLink.Fail given) {
    final ActionLink.Fail fail = failing(given);
    final WebCrypto.Subtle s = WebCrypto.subtle();
    if (s == null) {
      given.fail(NO_CRYPTO);
      return;
    }
    s.generateKey(ecdh(), true, usages("deriveBits"))
        .then(
            pair ->
                s.exportKey("raw", Js.asPropertyMap(pair).get("publicKey"))
                    .then(
                        raw -> {
                          wrapNext(
                              s,
                              Js.asPropertyMap(pair).get("privateKey"),
                              plain,
                              recipientKeys,
                              infos,
                              0,
                              new ArrayList<byte[]>(),
                              wraps -> {
                                then.accept(JsBytes.fromBuffer(raw), wraps);
                                after.run();
                              },
                              fail);
                          return null;
                        }))
        .catch_(
            e -> {
              fail.fail(String.valueOf(e));
              return null;
            });
  }

  private void wrapNext(
      final WebCrypto.Subtle s,
      final Object ephemeralPrivate,
      final byte[] secret,
      final List<byte[]> keys,
      final List<byte[]> infos,
      final int i,
      final List<byte[]> out,
      final NodeCalls.Then<List<byte[]>> done,
      final ActionLink.Fail fail) {
    if (i == keys.size()) {
      done.accept(out);
      return;
    }
    s.importKey("raw", WebCrypto.u8(keys.get(i)), ecdh(), false, usages())
        .then(
            recipient -> {
              aesKey(
                  s,
                  ephemeralPrivate,
                  recipient,
                  infos.get(i),
                  aes -> {
                    final byte[] nonce = WebCrypto.random(12);
                    s.encrypt(gcm(nonce), aes, WebCrypto.u8(secret))
                        .then(
                            ciphertext -> {
                              byte[] w = JsBytes.fromBuffer(ciphertext);
                              byte[] both = new byte[12 + w.length];
                              System.arraycopy(nonce, 0, both, 0, 12);
                              System.arraycopy(w, 0, both, 12, w.length);
                              out.add(both);
                              wrapNext(
                                  s, ephemeralPrivate, secret, keys, infos, i + 1, out, done, fail);
                              return null;
                            })
                        .catch_(
                            e -> {
                              fail.fail(String.valueOf(e));
                              return null;
                            });
                  },
                  fail);
              return null;
            })
        .catch_(
            e -> {
              fail.fail(String.valueOf(e));
              return null;
            });
  }

  /** ECDH to 256 shared bits, then HKDF-SHA256 (empty salt, {@code info}) to an AES-GCM key. */
  private static void aesKey(
      final WebCrypto.Subtle s,
      Object privateKey,
      Object publicKey,
      final byte[] info,
      final NodeCalls.Then<Object> then,
      final ActionLink.Fail fail) {
    JsPropertyMap<Object> agree = JsPropertyMap.of();
    agree.set("name", "ECDH");
    agree.set("public", publicKey);
    JsPropertyMap<Object> hkdfName = JsPropertyMap.of();
    hkdfName.set("name", "HKDF");
    final JsPropertyMap<Object> hkdf = JsPropertyMap.of();
    hkdf.set("name", "HKDF");
    hkdf.set("hash", "SHA-256");
    hkdf.set("salt", new Uint8Array(0));
    hkdf.set("info", WebCrypto.u8(info));
    final JsPropertyMap<Object> aes = JsPropertyMap.of();
    aes.set("name", "AES-GCM");
    aes.set("length", 256);
    s.deriveBits(agree, privateKey, 256)
        .then(
            bits -> s.importKey("raw", new Uint8Array(bits), hkdfName, false, usages("deriveKey")))
        .then(base -> s.deriveKey(hkdf, base, aes, false, usages("encrypt", "decrypt")))
        .then(
            key -> {
              then.accept(key);
              return null;
            })
        .catch_(
            e -> {
              fail.fail(String.valueOf(e));
              return null;
            });
  }

  @Override
  public void unwrap(
      byte[] privateKeyPkcs8,
      final byte[] ephemeralPublic65,
      final byte[] info,
      final byte[] nonce12,
      final byte[] wrapped,
      final BytesThen then,
      ActionLink.Fail given) {
    final ActionLink.Fail fail = failing(given);
    final WebCrypto.Subtle s = WebCrypto.subtle();
    if (s == null) {
      given.fail(NO_CRYPTO);
      return;
    }
    s.importKey("pkcs8", WebCrypto.u8(privateKeyPkcs8), ecdh(), false, usages("deriveBits"))
        .then(
            mine ->
                s.importKey("raw", WebCrypto.u8(ephemeralPublic65), ecdh(), false, usages())
                    .then(
                        theirs -> {
                          aesKey(
                              s,
                              mine,
                              theirs,
                              info,
                              aes ->
                                  s.decrypt(gcm(nonce12), aes, WebCrypto.u8(wrapped))
                                      .then(
                                          plain -> {
                                            then.accept(JsBytes.fromBuffer(plain));
                                            after.run();
                                            return null;
                                          })
                                      .catch_(
                                          e -> {
                                            fail.fail(String.valueOf(e));
                                            return null;
                                          }),
                              fail);
                          return null;
                        }))
        .catch_(
            e -> {
              fail.fail(String.valueOf(e));
              return null;
            });
  }

  @Override
  public void open(
      byte[] secret32, SealedBytes sealed, final BytesThen then, final ActionLink.Fail fail) {
    cipher.decrypt(
        secret32,
        sealed,
        plain -> {
          then.accept(plain);
          after.run();
        },
        m -> {
          fail.fail(FAILED);
          after.run();
        });
  }
}
