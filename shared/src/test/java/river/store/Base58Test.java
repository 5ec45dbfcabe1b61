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

  @Test
  void decodeRejectsCharactersOutsideTheAlphabet() {
    for (String bad : new String[] {"0", "O", "I", "l", "abc+", " 1", "é", "2NEpo7TZRRrLZSi2U\n"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Base58.decode(bad), bad);
      assertTrue(e.getMessage().contains("invalid base58 character"), e.getMessage());
    }
  }
}
