package river.identity;

import static org.junit.jupiter.api.Assertions.*;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our SHA-256 and base64 (the browser has neither synchronously) against the JDK's. */
class EncodingsTest {
  @Test
  void sha256MatchesTheStandardVectors() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        HexFormat.of().formatHex(Sha256.digest(new byte[0])));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HexFormat.of().formatHex(Sha256.digest("abc".getBytes())));
  }

  @Test
  void sha256AndBase64MatchTheJdkOnEveryLengthAroundBlockEdges() throws Exception {
    Random r = new Random(14);
    for (int len = 0; len < 300; len++) {
      byte[] b = new byte[len];
      r.nextBytes(b);
      assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(b), Sha256.digest(b), "" + len);
      String enc = Base64Text.encode(b);
      assertEquals(Base64.getEncoder().encodeToString(b), enc, "" + len);
      assertArrayEquals(b, Base64Text.decode(enc), "" + len);
    }
  }

  @Test
  void base64RefusesStrayCharactersAndMisplacedPadding() {
    assertThrows(Base64Text.NotBase64.class, () -> Base64Text.decode("AB*D"));
    assertThrows(Base64Text.NotBase64.class, () -> Base64Text.decode("A=BC"));
    Base64Text.NotBase64 cut =
        assertThrows(Base64Text.NotBase64.class, () -> Base64Text.decode("ABCDE"));
    assertTrue(cut.cutShort);
  }
}
