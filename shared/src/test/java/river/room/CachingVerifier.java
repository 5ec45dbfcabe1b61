package river.room;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Real Ed25519 verification, remembered per (key, message, signature): Ed25519 is deterministic, so
 * the answer never changes, and property tests verify the same items often.
 */
final class CachingVerifier implements SignatureVerifier {
  private final Map<String, Boolean> seen = new HashMap<>();
  int calls;

  @Override
  public boolean verify(byte[] pk, byte[] msg, byte[] sig) {
    HexFormat h = HexFormat.of();
    String k = h.formatHex(pk) + h.formatHex(sig) + h.formatHex(msg);
    Boolean r = seen.get(k);
    if (r == null) {
      calls++;
      r = TestKey.VERIFIER.verify(pk, msg, sig);
      seen.put(k, r);
    }
    return r;
  }
}
