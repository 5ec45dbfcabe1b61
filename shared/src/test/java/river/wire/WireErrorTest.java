package river.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.cbor.TestHex;

/** Bad frames give a WireException with the right code, never another exception. */
class WireErrorTest {

  private static WireException rejectRequest(CborItem frame) {
    return assertThrows(WireException.class, () -> WireCodec.decodeRequest(Cbor.encode(frame)));
  }

  private static CborItem request(long id, CborItem op) {
    return CborMap.builder().put("id", CborItem.uint64(id)).put("op", op).build();
  }

  @Test
  void notCborIsMalformedWithoutId() {
    WireException e =
        assertThrows(WireException.class, () -> WireCodec.decodeRequest(TestHex.bytes("a2ff")));
    assertEquals(ErrorCodes.MALFORMED, e.code());
    assertFalse(e.hasRequestId());
    assertTrue(e.getMessage().startsWith("not CBOR"));
  }

  @Test
  void frameThatIsNotAMapIsMalformed() {
    assertEquals(ErrorCodes.MALFORMED, rejectRequest(CborItem.uint(1)).code());
  }

  @Test
  void missingIdIsMalformed() {
    WireException e = rejectRequest(CborMap.builder().put("op", CborItem.text("Ping")).build());
    assertEquals(ErrorCodes.MALFORMED, e.code());
    assertTrue(e.getMessage().contains("\"id\""));
  }

  @Test
  void negativeIdIsMalformed() {
    WireException e =
        rejectRequest(
            CborMap.builder()
                .put("id", CborItem.integer(-1))
                .put("op", CborItem.text("Ping"))
                .build());
    assertEquals(ErrorCodes.MALFORMED, e.code());
  }

  @Test
  void unknownOpIsUnknownOpAndKeepsTheId() {
    WireException e = rejectRequest(request(42, CborItem.text("Fly")));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
    assertTrue(e.hasRequestId());
    assertEquals(42, e.requestId());
    assertTrue(e.getMessage().contains("Fly"));
  }

  @Test
  void unknownVariantNameIsCutInTheMessageWithoutSplittingASurrogatePair() {
    String name = "x".repeat(39) + "\ud83d\ude00" + "y".repeat(100_000);
    WireException e = rejectRequest(request(1, CborItem.text(name)));
    assertTrue(e.getMessage().length() < 100, e.getMessage());
    CborItem.text(e.getMessage()); // still valid text for an error response
  }

  @Test
  void wrongVariantShapeDoesNotEchoTheItem() {
    CborItem big = CborItem.bytes(new byte[100_000]);
    WireException e = rejectRequest(request(1, big));
    assertTrue(e.getMessage().length() < 100, e.getMessage());
  }

  @Test
  void unknownDelegateRequestVariantIsUnknownOp() {
    CborItem op =
        CborMap.builder()
            .put(
                "Delegate",
                CborMap.builder()
                    .put("delegate", CborItem.bytes(new byte[32]))
                    .put(
                        "msg",
                        CborMap.builder().put("SignRequest", CborMap.builder().build()).build())
                    .build())
            .build();
    WireException e = rejectRequest(request(7, op));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
    assertEquals(7, e.requestId());
  }

  @Test
  void byteFieldAsArrayOfNumbersIsMalformed() {
    CborItem op =
        CborMap.builder()
            .put(
                "Subscribe",
                CborMap.builder()
                    .put("key", CborItem.array(CborItem.uint(1), CborItem.uint(2)))
                    .build())
            .build();
    WireException e = rejectRequest(request(1, op));
    assertEquals(ErrorCodes.MALFORMED, e.code());
    assertTrue(e.getMessage().contains("byte string"));
    assertEquals(1, e.requestId());
  }

  @Test
  void missingFieldIsMalformed() {
    CborItem op =
        CborMap.builder()
            .put("Put", CborMap.builder().put("key", CborItem.bytes(new byte[1])).build())
            .build();
    WireException e = rejectRequest(request(1, op));
    assertTrue(e.getMessage().contains("\"state\""), e.getMessage());
  }

  @Test
  void unitVariantWithValueIsMalformed() {
    CborItem op = CborMap.builder().put("Ping", CborItem.NULL).build();
    assertEquals(ErrorCodes.MALFORMED, rejectRequest(request(1, op)).code());
  }

  @Test
  void structVariantAsBareTextIsMalformed() {
    assertEquals(ErrorCodes.MALFORMED, rejectRequest(request(1, CborItem.text("Put"))).code());
  }

  @Test
  void variantMapWithTwoEntriesIsMalformed() {
    CborItem op = CborMap.builder().put("Ping", CborItem.NULL).put("Put", CborItem.NULL).build();
    assertEquals(ErrorCodes.MALFORMED, rejectRequest(request(1, op)).code());
  }

  @Test
  void subscribeFlagMustBeABool() {
    CborItem op =
        CborMap.builder()
            .put(
                "Get",
                CborMap.builder()
                    .put("key", CborItem.bytes(new byte[1]))
                    .put("subscribe", CborItem.uint(1))
                    .build())
            .build();
    assertTrue(rejectRequest(request(1, op)).getMessage().contains("bool"));
  }

  @Test
  void responseWithBothOkAndErrIsMalformed() {
    CborItem frame =
        CborMap.builder()
            .put("id", CborItem.uint(1))
            .put("ok", CborItem.text("Pong"))
            .put("err", CborItem.NULL)
            .build();
    WireException e =
        assertThrows(WireException.class, () -> WireCodec.decodeServerFrame(Cbor.encode(frame)));
    assertEquals(ErrorCodes.MALFORMED, e.code());
  }

  @Test
  void unknownUnitVariantOfAResponseIsUnknownNotMalformed() {
    WireException e =
        assertThrows(
            WireException.class, () -> DelegateResponse.fromCbor(CborItem.text("FutureResponse")));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
  }

  @Test
  void unknownPushEventIsUnknownOp() {
    CborItem frame = CborMap.builder().put("push", CborItem.text("Reboot")).build();
    WireException e =
        assertThrows(WireException.class, () -> WireCodec.decodeServerFrame(Cbor.encode(frame)));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
  }

  @Test
  void storeResultOkWithNonNullIsMalformed() {
    assertThrows(
        WireException.class,
        () -> UnitResult.fromCbor(CborMap.builder().put("Ok", CborItem.uint(0)).build()));
  }

  @Test
  void trailingBytesAfterAFrameAreMalformed() {
    WireException e =
        assertThrows(
            WireException.class,
            () -> WireCodec.decodeRequest(TestHex.bytes("a262696401626f706450696e6700")));
    assertEquals(ErrorCodes.MALFORMED, e.code());
  }
}
