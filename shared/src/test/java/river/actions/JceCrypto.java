package river.actions;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import river.room.SealedBytes;

/**
 * The JVM host of {@link Cipher} and {@link SecretWrap} with javax.crypto: AES-256-GCM for room
 * content, P-256 ECDH + HKDF-SHA256 (by hand over HmacSHA256) + AES-256-GCM for wraps. Same bytes
 * as the browser's WebCrypto host (raw 65-byte public keys, PKCS#8 private keys).
 */
public final class JceCrypto implements Cipher, SecretWrap {
  /** SubjectPublicKeyInfo prefix of an uncompressed P-256 point (the 65 bytes follow). */
  static final byte[] X509_P256 =
      HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

  private final SecureRandom random = new SecureRandom();

  @Override
  public void seal(byte[] secret, long version, byte[] plain, Sealed then, ActionLink.Fail fail) {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    then.accept(SealedBytes.privateBytes(gcm(true, secret, nonce, plain), nonce, version));
  }

  @Override
  public byte[] newSecret() {
    byte[] s = new byte[32];
    random.nextBytes(s);
    return s;
  }

  @Override
  public void newKeyPair(KeyPairThen then, ActionLink.Fail fail) {
    KeyPair p = generate();
    then.accept(raw(p.getPublic()), p.getPrivate().getEncoded());
  }

  @Override
  public void wrap(
      byte[] plain,
      List<byte[]> recipientKeys,
      List<byte[]> infos,
      WrapsThen then,
      ActionLink.Fail fail) {
    KeyPair eph = generate();
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < recipientKeys.size(); i++) {
      byte[] key = hkdf(ecdh(eph.getPrivate(), publicKey(recipientKeys.get(i))), infos.get(i));
      byte[] nonce = new byte[12];
      random.nextBytes(nonce);
      byte[] w = gcm(true, key, nonce, plain);
      byte[] both = Arrays.copyOf(nonce, 12 + w.length);
      System.arraycopy(w, 0, both, 12, w.length);
      out.add(both);
    }
    then.accept(raw(eph.getPublic()), out);
  }

  @Override
  public void unwrap(
      byte[] privateKeyPkcs8,
      byte[] ephemeralPublic65,
      byte[] info,
      byte[] nonce12,
      byte[] wrapped,
      BytesThen then,
      ActionLink.Fail fail) {
    try {
      PrivateKey priv =
          KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(privateKeyPkcs8));
      byte[] key = hkdf(ecdh(priv, publicKey(ephemeralPublic65)), info);
      then.accept(gcm(false, key, nonce12, wrapped));
    } catch (Exception e) {
      fail.fail("This key does not open that secret.");
    }
  }

  @Override
  public void open(byte[] secret32, SealedBytes sealed, BytesThen then, ActionLink.Fail fail) {
    try {
      then.accept(gcm(false, secret32, sealed.nonce(), sealed.data()));
    } catch (RuntimeException e) {
      fail.fail("This secret does not open that content.");
    }
  }

  /** HKDF-SHA256 (RFC 5869) with an empty salt, 32 bytes out. */
  static byte[] hkdf(byte[] ikm, byte[] info) {
    byte[] prk = hmac(new byte[32], ikm);
    byte[] in = Arrays.copyOf(info, info.length + 1);
    in[info.length] = 1;
    return hmac(prk, in);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m.doFinal(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] data) {
    try {
      javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          encrypt ? javax.crypto.Cipher.ENCRYPT_MODE : javax.crypto.Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(128, nonce));
      return c.doFinal(data);
    } catch (Exception e) {
      throw new IllegalArgumentException("AES-GCM failed", e);
    }
  }

  private static byte[] ecdh(PrivateKey priv, PublicKey pub) {
    try {
      KeyAgreement ka = KeyAgreement.getInstance("ECDH");
      ka.init(priv);
      ka.doPhase(pub, true);
      return ka.generateSecret();
    } catch (Exception e) {
      throw new IllegalArgumentException("ECDH failed", e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] raw(PublicKey k) {
    byte[] x509 = k.getEncoded();
    return Arrays.copyOfRange(x509, x509.length - 65, x509.length);
  }

  static PublicKey publicKey(byte[] raw65) {
    try {
      byte[] x509 = Arrays.copyOf(X509_P256, X509_P256.length + raw65.length);
      System.arraycopy(raw65, 0, x509, X509_P256.length, raw65.length);
      return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(x509));
    } catch (Exception e) {
      throw new IllegalArgumentException("not a P-256 public key", e);
    }
  }
}
