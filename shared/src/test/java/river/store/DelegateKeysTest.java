package river.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The hard-coded delegate keys are the SHA-256 digests DESIGN.md names. */
class DelegateKeysTest {

  private static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void currentIsSha256OfVersion2() throws Exception {
    assertArrayEquals(sha256("river.chat-delegate/2"), DelegateKeys.current());
  }

  @Test
  void legacyIsSha256OfVersion1() throws Exception {
    assertArrayEquals(sha256("river.chat-delegate/1"), DelegateKeys.legacy());
    assertEquals(1, DelegateKeys.legacyNewestFirst().length);
    assertArrayEquals(DelegateKeys.legacy(), DelegateKeys.legacyNewestFirst()[0]);
  }

  @Test
  void returnedKeysAreCopies() {
    DelegateKeys.current()[0] = 0;
    assertEquals((byte) 0x9a, DelegateKeys.current()[0]);
  }
}
