package river.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import river.cbor.TestHex;

/** Bitcoin-alphabet base58: known vectors, leading zeros, strict decoding. */
class Base58Test {

  @Test
  void knownVectors() {
    assertEquals("", Base58.encode(new byte[0]));
    assertEquals("2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes()));
    assertEquals(
        "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z",
        Base58.encode("The quick brown fox jumps over the lazy dog.".getBytes()));
    assertEquals("11233QC4", Base58.encode(TestHex.bytes("0000287fb4cd")));
  }

  @Test
  void leadingZeroBytesBecomeOnes() {
    assertEquals("1", Base58.encode(new byte[1]));
    assertEquals("111", Base58.encode(new byte[3]));
    assertArrayEquals(new byte[3], Base58.decode("111"));
  }

  @Test
  void randomBytesRoundTrip() {
    Random r = new Random(58);
    for (int i = 0; i < 2000; i++) {
      byte[] b = new byte[r.nextInt(40)];
      r.nextBytes(b);
      if (b.length > 0 && r.nextBoolean()) {
        b[0] = 0;
      }
      assertArrayEquals(b, Base58.decode(Base58.encode(b)));
    }
  }

  /**
   * Numbers at the edges a decoder working in wider units than bytes could get wrong (a one
   * followed by zero bytes, all ones, a top bit), at every length and after up to two zero bytes:
   * random bytes almost never reach them (it fails the off-by-one slips of a 24-bit-limb decoder
   * tried in issue 18).
   */
  @Test
  void limbEdgesRoundTrip() {
    for (int len = 1; len <= 40; len++) {
      for (int lead = 0; lead < 3 && lead < len; lead++) {
        byte[] one = new byte[len]; // 01 00 .. 00 after `lead` zero bytes
        one[lead] = 1;
        byte[] ff = new byte[len];
        java.util.Arrays.fill(ff, lead, len, (byte) 0xff);
        byte[] high = new byte[len];
        high[lead] = (byte) 0x80;
        for (byte[] b : new byte[][] {one, ff, high}) {
          assertArrayEquals(b, Base58.decode(Base58.encode(b)), java.util.Arrays.toString(b));
        }
      }
    }
  }

  /**
   * Any digit string, canonical or not (decode reads digits in groups of three), is its number in
   * base 58 after one zero byte per leading '1': checked against BigInteger over random texts.
   */
  @Test
  void decodeReadsAnyDigitStringAsItsNumber() {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    Random r = new Random(3);
    for (int n = 0; n < 3000; n++) {
      StringBuilder text = new StringBuilder();
      int len = r.nextInt(60);
      for (int i = 0; i < len; i++) {
        text.append(alphabet.charAt(r.nextInt(r.nextInt(4) == 0 ? 2 : 58)));
      }
      String t = text.toString();
      int ones = 0;
      while (ones < t.length() && t.charAt(ones) == '1') {
        ones++;
      }
      java.math.BigInteger v = java.math.BigInteger.ZERO;
      for (int i = ones; i < t.length(); i++) {
        v =
            v.multiply(java.math.BigInteger.valueOf(58))
                .add(java.math.BigInteger.valueOf(alphabet.indexOf(t.charAt(i))));
      }
      byte[] magnitude = v.signum() == 0 ? new byte[0] : v.toByteArray();
      if (magnitude.length > 0 && magnitude[0] == 0) {
        magnitude = java.util.Arrays.copyOfRange(magnitude, 1, magnitude.length);
      }
      byte[] expected = new byte[ones + magnitude.length];
      System.arraycopy(magnitude, 0, expected, ones, magnitude.length);
      assertArrayEquals(expected, Base58.decode(t), t);
    }
  }

  @Test
  void decodeRejectsCharactersOutsideTheAlphabet() {
    for (String bad : new String[] {"0", "O", "I", "l", "abc+", " 1", "é", "2NEpo7TZRRrLZSi2U\n"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Base58.decode(bad), bad);
      assertTrue(e.getMessage().contains("invalid base58 character"), e.getMessage());
    }
  }
}
