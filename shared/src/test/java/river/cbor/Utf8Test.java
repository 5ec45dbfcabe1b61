package river.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hand-written UTF-8 codec must be strict and agree with the JVM on valid input. */
class Utf8Test {

  private static String decode(String hex) {
    byte[] b = TestHex.bytes(hex);
    return Utf8.decode(b, 0, b.length);
  }

  private static void rejects(String hex) {
    assertThrows(CborException.class, () -> decode(hex), hex);
  }

  @Test
  void encodesAllWidthsLikeTheJvm() {
    String s = "a\u00e9\u20ac\ud83d\ude00\u0000\uffff";
    assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Utf8.encode(s));
    assertEquals(s.getBytes(StandardCharsets.UTF_8).length, Utf8.encodedLength(s));
  }

  @Test
  void surrogatePairRoundTripsAsOneFourByteSequence() {
    String s = "\ud83d\ude00";
    assertEquals("f09f9880", TestHex.hex(Utf8.encode(s)));
    assertEquals(s, decode("f09f9880"));
  }

  @Test
  void highestCodePointIsAccepted() {
    assertEquals("\udbff\udfff", decode("f48fbfbf"));
  }

  @Test
  void unpairedSurrogatesCannotBeEncoded() {
    assertThrows(IllegalArgumentException.class, () -> Utf8.encode("a\ud800"));
    assertThrows(IllegalArgumentException.class, () -> Utf8.encode("\udc00a"));
    assertThrows(IllegalArgumentException.class, () -> CborItem.text("\ud800x"));
  }

  @Test
  void overlongFormsAreRejected() {
    rejects("c0af");
    rejects("c1bf");
    rejects("e080af");
    rejects("f08080af");
  }

  @Test
  void encodedSurrogatesAreRejected() {
    rejects("eda080");
    rejects("edbfbf");
  }

  @Test
  void codePointsAboveU10FFFFAreRejected() {
    rejects("f4908080");
    rejects("f5808080");
    rejects("ff");
  }

  @Test
  void strayContinuationAndTruncationAreRejected() {
    rejects("80");
    rejects("e282");
    rejects("e228a1");
    rejects("f09f98");
  }

  @Test
  void errorOffsetIsAbsoluteInTheBuffer() {
    byte[] b = TestHex.bytes("616161c328");
    CborException e = assertThrows(CborException.class, () -> Utf8.decode(b, 2, 3));
    assertEquals(4, e.offset());
  }
}
