package river.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One test per malformation the decoder must reject, with the offset it reports. */
class CborDecodeErrorTest {

  private static CborException reject(String hex) {
    return assertThrows(CborException.class, () -> Cbor.decode(TestHex.bytes(hex)));
  }

  @Test
  void emptyInputIsTruncated() {
    CborException e = reject("");
    assertEquals(0, e.offset());
    assertTrue(e.getMessage().contains("end of input"), e.getMessage());
  }

  @Test
  void truncatedHeadArgument() {
    assertEquals(1, reject("1a0001").offset());
  }

  @Test
  void truncatedArrayItems() {
    assertEquals(4, reject("8301021a00").offset());
  }

  @Test
  void reservedAdditionalInfoValues() {
    for (String hex :
        new String[] {"1c", "1d", "1e", "3c", "5c", "7d", "9e", "bc", "dc", "fc", "fd", "fe"}) {
      CborException e = reject(hex);
      assertTrue(e.getMessage().contains("reserved"), hex + ": " + e.getMessage());
    }
  }

  @Test
  void breakOutsideIndefiniteItem() {
    assertTrue(reject("ff").getMessage().contains("break"));
    assertEquals(1, reject("82ff01").offset());
  }

  @Test
  void indefiniteLengthIntegersAndTagsAreRejected() {
    reject("1f");
    reject("3f");
    reject("df01");
  }

  @Test
  void missingBreakOfIndefiniteArray() {
    assertEquals(2, reject("9f01").offset());
  }

  @Test
  void indefiniteStringChunkOfWrongType() {
    CborException e = reject("5f4101610161ff");
    assertEquals(3, e.offset());
    assertTrue(e.getMessage().contains("major type"));
  }

  @Test
  void indefiniteStringChunkThatIsItselfIndefinite() {
    CborException e = reject("7f7f6161ffff");
    assertEquals(1, e.offset());
    assertTrue(e.getMessage().contains("itself indefinite"));
  }

  @Test
  void indefiniteMapKeyWithoutValue() {
    assertTrue(reject("bf6161ff").getMessage().contains("without a value"));
  }

  @Test
  void twoByteSimpleBelow32() {
    reject("f814");
    reject("f81f");
  }

  @Test
  void trailingBytes() {
    CborException e = reject("0101");
    assertEquals(1, e.offset());
    assertTrue(e.getMessage().contains("trailing"));
  }

  @Test
  void declaredByteLengthBeyondInput() {
    CborException e = reject("5b7fffffffffffffff00");
    assertEquals(0, e.offset());
    assertTrue(e.getMessage().contains("exceeds remaining input"), e.getMessage());
  }

  @Test
  void declaredLengthAbove2To63IsNotNegative() {
    assertTrue(reject("5bffffffffffffffff").getMessage().contains("18446744073709551615"));
  }

  @Test
  void declaredTextLengthBeyondInput() {
    reject("7a7fffffff61");
  }

  @Test
  void declaredArrayCountBeyondInput() {
    assertTrue(reject("9a7fffffff0102").getMessage().contains("array count"));
  }

  @Test
  void declaredMapCountBeyondHalfTheInput() {
    // 3 bytes remain: one entry needs 2, two entries need 4.
    assertTrue(reject("a2010203").getMessage().contains("map count"));
  }

  @Test
  void hugeDeclaredSizesAllocateNothingLarge() {
    for (String hex :
        new String[] {
          "5b7fffffffffffffff",
          "9bffffffffffffffff00",
          "ba7fffffff0000",
          "5f5a7fffffff00ff",
          "7f7a10000000ff"
        }) {
      byte[] in = TestHex.bytes(hex);
      CborDecoder d = new CborDecoder(in, 0);
      assertThrows(CborException.class, () -> d.readItem(1));
      assertTrue(d.largestAllocation() <= in.length, hex);
    }
  }

  @Test
  void nestingAtTheLimitIsAccepted() {
    byte[] in = new byte[Cbor.MAX_DEPTH];
    Arrays.fill(in, (byte) 0x81);
    in[in.length - 1] = (byte) 0x80;
    assertEquals(CborKind.ARRAY, Cbor.decode(in).kind());
  }

  @Test
  void nestingBeyondTheLimitIsRejected() {
    byte[] in = new byte[Cbor.MAX_DEPTH + 1];
    Arrays.fill(in, (byte) 0x81);
    in[in.length - 1] = (byte) 0x80;
    CborException e = assertThrows(CborException.class, () -> Cbor.decode(in));
    assertEquals(Cbor.MAX_DEPTH, e.offset());
    assertTrue(e.getMessage().contains("nesting"));
  }

  @Test
  void tagsCountTowardsNesting() {
    byte[] in = new byte[Cbor.MAX_DEPTH + 1];
    Arrays.fill(in, (byte) 0xc1);
    in[in.length - 1] = 0;
    assertThrows(CborException.class, () -> Cbor.decode(in));
  }

  @Test
  void invalidUtf8InText() {
    CborException e = reject("62c328");
    assertEquals(2, e.offset());
  }

  @Test
  void invalidUtf8InAChunkOfAnIndefiniteText() {
    reject("7f61ff6161ff");
  }

  @Test
  void duplicateMapKeys() {
    assertTrue(reject("a2616101616102").getMessage().contains("duplicate"));
    reject("bf01020103ff");
  }

  @Test
  void duplicateKeyMessageStaysShortForHugeKeys() {
    byte[] key = Cbor.encode(CborItem.bytes(new byte[10_000]));
    byte[] in = new byte[1 + 2 * (key.length + 1)];
    in[0] = (byte) 0xa2;
    System.arraycopy(key, 0, in, 1, key.length);
    System.arraycopy(key, 0, in, 2 + key.length, key.length);
    CborException e = assertThrows(CborException.class, () -> Cbor.decode(in));
    assertTrue(e.getMessage().length() < 120, e.getMessage());
  }

  @Test
  void decodePrefixReportsWhereTheItemEnded() {
    byte[] in = TestHex.bytes("ff83010203f6");
    CborDecoded d = Cbor.decodePrefix(in, 1);
    assertEquals("[1, 2, 3]", d.item().toString());
    assertEquals(5, d.end());
  }
}
