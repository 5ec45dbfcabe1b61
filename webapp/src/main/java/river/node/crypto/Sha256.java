package river.node.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of text, the node's one hash helper: storage namespaces (a delegate id is the hash of a
 * name such as {@code "river.node.signing/1"}) and the token hash the store keeps instead of a
 * token. A leaf of the node's packages (it uses nothing of the node), so the store can use it too.
 */
public final class Sha256 {
  private Sha256() {}

  /** SHA-256 of {@code text}'s UTF-8 bytes, 32 bytes. */
  public static byte[] of(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java runtime has SHA-256", e);
    }
  }
}
