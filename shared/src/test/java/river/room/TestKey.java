package river.room;

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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** A JDK Ed25519 key pair from a 32-byte seed, for tests (the node has its own implementation). */
final class TestKey {
  static final byte[] PKCS8 = HexFormat.of().parseHex("302e020100300506032b657004220420");
  static final byte[] X509 = HexFormat.of().parseHex("302a300506032b6570032100");

  final byte[] seed;
  final byte[] pub;
  private final PrivateKey priv;

  /**
   * Fast stand-in keys for property tests (pure-Java Ed25519 costs ~1 ms per operation): pub =
   * SHA-256(seed), signature = SHA-512(seed || message), checked by {@link #FAST}.
   */
  private static final Map<String, byte[]> FAST_SEEDS = new ConcurrentHashMap<>();

  private TestKey(byte[] seed, boolean fast) {
    this.seed = seed.clone();
    this.pub = digest("SHA-256", seed);
    this.priv = null;
    FAST_SEEDS.put(HexFormat.of().formatHex(pub), this.seed);
  }

  static TestKey fast(Random r) {
    byte[] s = new byte[32];
    r.nextBytes(s);
    return new TestKey(s, true);
  }

  static final SignatureVerifier FAST =
      (pk, msg, sig) -> {
        byte[] seed = FAST_SEEDS.get(HexFormat.of().formatHex(pk));
        return seed != null && Arrays.equals(digest("SHA-512", concat(seed, msg)), sig);
      };

  static byte[] digest(String alg, byte[] b) {
    try {
      return java.security.MessageDigest.getInstance(alg).digest(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  TestKey(byte[] seed) {
    this.seed = seed.clone();
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(
          NamedParameterSpec.ED25519,
          new SecureRandom() {
            @Override
            public void nextBytes(byte[] out) {
              System.arraycopy(TestKey.this.seed, 0, out, 0, out.length);
            }
          });
      byte[] x509 = g.generateKeyPair().getPublic().getEncoded();
      pub = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
      priv =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8, seed)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static TestKey random(Random r) {
    byte[] s = new byte[32];
    r.nextBytes(s);
    return new TestKey(s);
  }

  byte[] sign(byte[] message) {
    if (priv == null) {
      return digest("SHA-512", concat(seed, message));
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(priv);
      s.update(message);
      return s.sign();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Real JDK verification. */
  static final SignatureVerifier VERIFIER =
      (pk, msg, sig) -> {
        try {
          PublicKey key =
              KeyFactory.getInstance("Ed25519")
                  .generatePublic(new X509EncodedKeySpec(concat(X509, pk)));
          Signature s = Signature.getInstance("Ed25519");
          s.initVerify(key);
          s.update(msg);
          return s.verify(sig);
        } catch (Exception e) {
          return false;
        }
      };

  static final PublicKeyDerivation DERIVATION = seed -> new TestKey(seed).pub;
}
