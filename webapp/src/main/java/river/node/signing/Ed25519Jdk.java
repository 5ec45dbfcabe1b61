package river.node.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import river.room.PublicKeyDerivation;
import river.room.SignatureVerifier;

/**
 * Ed25519 with the JDK's provider on raw keys: a 32-byte public key is wrapped in its 12-byte X.509
 * SubjectPublicKeyInfo prefix, a 32-byte seed in its 16-byte PKCS#8 prefix (RFC 8410). The public
 * key of a seed comes from a key-pair generator fed the seed as its "randomness" (the JDK draws
 * exactly the 32 seed bytes). Verification of a malformed key or signature is false, never an
 * exception (hazard: an exception would turn a forged item into an internal error). The JDK refuses
 * a non-canonical S (S >= L, tested), which matters because room item ids are signatures: a
 * malleable signature would let anyone re-post a message under a second id.
 */
public final class Ed25519Jdk implements SignatureVerifier, PublicKeyDerivation {
  public static final Ed25519Jdk INSTANCE = new Ed25519Jdk();
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final byte[] PKCS8_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ed25519Jdk() {}

  @Override
  public boolean verify(byte[] publicKey32, byte[] message, byte[] signature64) {
    if (publicKey32.length != 32 || signature64.length != 64) {
      return false;
    }
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, publicKey32)));
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature64);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public byte[] publicKey(byte[] seed32) {
    checkSeed(seed32);
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(
          NamedParameterSpec.ED25519,
          new SecureRandom() {
            @Override
            public void nextBytes(byte[] out) {
              System.arraycopy(seed32, 0, out, 0, out.length);
            }
          });
      byte[] x509 = g.generateKeyPair().getPublic().getEncoded();
      return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  public byte[] sign(byte[] seed32, byte[] message) {
    checkSeed(seed32);
    try {
      PrivateKey key =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed32)));
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  public static byte[] newSeed() {
    byte[] seed = new byte[32];
    RANDOM.nextBytes(seed);
    return seed;
  }

  private static void checkSeed(byte[] seed) {
    if (seed.length != 32) {
      throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
