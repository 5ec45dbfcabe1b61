package river.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import river.cbor.TestHex;

/** One test per envelope rule (DESIGN.md "Delegate storage semantics"). */
class EnvelopeTest {

  @Test
  void wrapIsVersionByteThenLittleEndianGenerationThenData() {
    assertEquals(
        "01" + "0201000000000000" + "aabb",
        TestHex.hex(Envelope.wrap(0x0102, TestHex.bytes("aabb"))));
  }

  @Test
  void wrapOfEmptyDataIsJustTheHeader() {
    assertEquals("01" + "0000000000000000", TestHex.hex(Envelope.wrap(0, new byte[0])));
  }

  @Test
  void unwrapOfHeaderOnlyGivesEmptyDataAtItsGeneration() {
    Envelope e = Envelope.unwrap(TestHex.bytes("01" + "0500000000000000"));
    assertEquals(5, e.generation());
    assertArrayEquals(new byte[0], e.data());
  }

  @Test
  void maxGenerationRoundTripsAsUnsigned() {
    byte[] w = Envelope.wrap(-1L, new byte[] {7});
    assertEquals("01ffffffffffffffff07", TestHex.hex(w));
    assertEquals(-1L, Envelope.unwrap(w).generation());
  }

  @Test
  void generationWithHighBitSetRoundTrips() {
    long g = 0x8000000000000001L;
    assertEquals(g, Envelope.unwrap(Envelope.wrap(g, new byte[0])).generation());
  }

  @Test
  void emptyStoredValueIsRawAtGenerationZero() {
    Envelope e = Envelope.unwrap(new byte[0]);
    assertEquals(0, e.generation());
    assertArrayEquals(new byte[0], e.data());
  }

  @Test
  void valueOfExactlyEightBytesStartingWith01IsRaw() {
    byte[] stored = TestHex.bytes("0107000000000000");
    Envelope e = Envelope.unwrap(stored);
    assertEquals(0, e.generation());
    assertArrayEquals(stored, e.data());
  }

  @Test
  void valueOfExactlyNineBytesStartingWith01IsAnEnvelope() {
    Envelope e = Envelope.unwrap(TestHex.bytes("010700000000000000"));
    assertEquals(7, e.generation());
    assertArrayEquals(new byte[0], e.data());
  }

  @Test
  void shortValueStartingWith01IsRaw() {
    byte[] stored = {1};
    Envelope e = Envelope.unwrap(stored);
    assertEquals(0, e.generation());
    assertArrayEquals(stored, e.data());
  }

  @Test
  void longValueNotStartingWith01IsRaw() {
    byte[] stored = TestHex.bytes("a1646e616d6563626f62"); // CBOR {"name": "bob"}
    Envelope e = Envelope.unwrap(stored);
    assertEquals(0, e.generation());
    assertArrayEquals(stored, e.data());
  }

  @Test
  void unwrapDoesNotShareTheCallersArray() {
    byte[] stored = {5, 6};
    Envelope e = Envelope.unwrap(stored);
    stored[0] = 9;
    assertArrayEquals(new byte[] {5, 6}, e.data());
  }
}
