package river.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Factories, typed accessors, equality and deterministic encoding of built items. */
class CborItemTest {

  @Test
  void mapBuilderKeepsInsertionOrderInBytes() {
    CborItem m = CborMap.builder().put("z", CborItem.uint(1)).put("a", CborItem.uint(2)).build();
    assertEquals("a2617a01616102", TestHex.hex(Cbor.encode(m)));
  }

  @Test
  void mapLookupByTextKey() {
    CborItem m =
        CborMap.builder().put("id", CborItem.uint(7)).put(CborItem.uint(1), CborItem.NULL).build();
    assertEquals(7, m.get("id").asLong());
    assertNull(m.get("missing"));
    assertEquals(2, m.entries().size());
  }

  @Test
  void builderRefusesDuplicateKeys() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CborMap.builder().put("a", CborItem.NULL).put("a", CborItem.TRUE));
  }

  @Test
  void wrongKindAccessThrowsCborException() {
    CborException e = assertThrows(CborException.class, () -> CborItem.uint(1).asText());
    assertEquals(-1, e.offset());
    assertTrue(e.getMessage().contains("expected text but found unsigned"));
    assertThrows(CborException.class, () -> CborItem.text("x").asBytes());
    assertThrows(CborException.class, () -> CborItem.NULL.asBool());
    assertThrows(CborException.class, () -> CborItem.text("x").get("a"));
    assertThrows(CborException.class, () -> CborItem.integer(-1).asLong());
  }

  @Test
  void asLongRefusesValuesAbove2To63() {
    CborItem big = CborItem.uint64(-1L);
    assertThrows(CborException.class, big::asLong);
    assertEquals(-1L, big.asUint64Bits());
  }

  @Test
  void integerEdgesEncodeShortest() {
    assertEquals("17", TestHex.hex(Cbor.encode(CborItem.uint(23))));
    assertEquals("1818", TestHex.hex(Cbor.encode(CborItem.uint(24))));
    assertEquals("18ff", TestHex.hex(Cbor.encode(CborItem.uint(255))));
    assertEquals("190100", TestHex.hex(Cbor.encode(CborItem.uint(256))));
    assertEquals("19ffff", TestHex.hex(Cbor.encode(CborItem.uint(65535))));
    assertEquals("1a00010000", TestHex.hex(Cbor.encode(CborItem.uint(65536))));
    assertEquals("1affffffff", TestHex.hex(Cbor.encode(CborItem.uint(0xFFFFFFFFL))));
    assertEquals("1b0000000100000000", TestHex.hex(Cbor.encode(CborItem.uint(0x100000000L))));
    assertEquals("1b7fffffffffffffff", TestHex.hex(Cbor.encode(CborItem.uint(Long.MAX_VALUE))));
    assertEquals("3b7fffffffffffffff", TestHex.hex(Cbor.encode(CborItem.integer(Long.MIN_VALUE))));
  }

  @Test
  void signedLongRoundTrip() {
    assertEquals(Long.MIN_VALUE, CborItem.integer(Long.MIN_VALUE).asSignedLong());
    assertEquals(-1, CborItem.integer(-1).asSignedLong());
    assertThrows(CborException.class, () -> CborItem.negative64(-1L).asSignedLong());
  }

  @Test
  void floatsEncodeInTheirCarriedWidth() {
    assertEquals("f93e00", TestHex.hex(Cbor.encode(CborItem.float16Bits(0x3e00))));
    assertEquals("fa3fc00000", TestHex.hex(Cbor.encode(CborItem.float32(1.5f))));
    assertEquals("fb3ff8000000000000", TestHex.hex(Cbor.encode(CborItem.float64(1.5))));
    assertNotEquals(CborItem.float32(1.5f), CborItem.float64(1.5));
  }

  @Test
  void floatNanPayloadSurvivesDecodeEncode() {
    byte[] in = TestHex.bytes("f97e01");
    assertArrayEquals(in, Cbor.encode(Cbor.decode(in)));
  }

  @Test
  void simpleValuesEncode() {
    assertEquals("f0", TestHex.hex(Cbor.encode(CborItem.simple(16))));
    assertEquals("f820", TestHex.hex(Cbor.encode(CborItem.simple(32))));
    assertTrue(CborItem.simple(22).isNull());
    assertThrows(IllegalArgumentException.class, () -> CborItem.simple(24));
  }

  @Test
  void bytesAreDefensivelyCopied() {
    byte[] b = {1, 2};
    CborItem item = CborItem.bytes(b);
    b[0] = 9;
    item.asBytes()[1] = 9;
    assertArrayEquals(new byte[] {1, 2}, item.asBytes());
  }

  @Test
  void equalValuesGiveEqualBytesAndHashes() {
    CborItem a = CborItem.array(CborItem.text("x"), CborItem.bytes(new byte[] {1}));
    CborItem b = Cbor.decode(TestHex.bytes("9f617841" + "01ff"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertArrayEquals(Cbor.encode(a), Cbor.encode(b));
    assertTrue(b.isIndefinite());
    assertFalse(a.isIndefinite());
  }

  @Test
  void encoderRefusesItemsNestedBeyondTheDecoderLimit() {
    CborItem item = CborItem.uint(0);
    for (int i = 0; i < Cbor.MAX_DEPTH; i++) {
      item = CborItem.array(item);
    }
    CborItem tooDeep = item;
    assertThrows(IllegalArgumentException.class, () -> Cbor.encode(tooDeep));
  }

  @Test
  void diagEscapesTextWithJsonRules() {
    assertEquals(
        "\"a\\\"b\\\\c\\n\\t\\u0001\u00e9\"", CborItem.text("a\"b\\c\n\t\u0001\u00e9").toString());
  }

  @Test
  void diagShowsFloatWidthsOnRequest() {
    CborItem a =
        CborItem.array(CborItem.float16Bits(0x3e00), CborItem.float32(1.5f), CborItem.float64(1.5));
    assertEquals("[1.5_1, 1.5_2, 1.5_3]", CborDiag.format(a, true));
    assertEquals("[1.5, 1.5, 1.5]", CborDiag.format(a));
  }

  @Test
  void diagFormatsFloatsLikeJavaScriptAtTheExponentThresholds() {
    assertEquals("100000000000000000000.0", CborDiag.formatDouble(1e20));
    assertEquals("1.0e+21", CborDiag.formatDouble(1e21));
    assertEquals("0.000001", CborDiag.formatDouble(1e-6));
    assertEquals("1.0e-7", CborDiag.formatDouble(1e-7));
    assertEquals("-1.25e-300", CborDiag.formatDouble(-1.25e-300));
    assertEquals("5.0e-324", CborDiag.formatDouble(Double.MIN_VALUE)); // JS: 5e-324, JVM: 4.9E-324
  }
}
