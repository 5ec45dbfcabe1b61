package river.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.cbor.TestHex;

/** Byte-exact encodings so the wire format cannot drift unnoticed. */
class WireBytesTest {

  private static String hex(byte[] b) {
    return TestHex.hex(b);
  }

  @Test
  void pingRequest() {
    // {"id": 1, "op": "Ping"}
    assertEquals(
        "a262696401626f706450696e67", hex(WireCodec.encodeRequest(new Request(1, Op.PING))));
  }

  @Test
  void pongResponse() {
    // {"id": 1, "ok": "Pong"}
    assertEquals(
        "a262696401626f6b64506f6e67", hex(WireCodec.encodeResponse(Response.ok(1, OpResult.PONG))));
  }

  @Test
  void errorResponse() {
    // {"id": 2, "err": {"code": "malformed", "message": "x"}}
    assertEquals(
        "a26269640263657272a264636f6465696d616c666f726d6564676d6573736167656178",
        hex(WireCodec.encodeResponse(Response.err(2, ErrorCodes.MALFORMED, "x"))));
  }

  @Test
  void listRequestIsAUnitVariantText() {
    // {"id": 3, "op": {"Delegate": {"delegate": h'01', "msg": "ListRequest"}}}
    assertEquals(
        "a262696403626f70a16844656c6567617465a26864656c656761746541016"
            + "36d73676b4c69737452657175657374",
        hex(
            WireCodec.encodeRequest(
                new Request(3, new Op.Delegate(new byte[] {1}, DelegateRequest.LIST)))));
  }

  @Test
  void casStoreRequestFieldsAndByteStrings() {
    // {"CasStoreRequest": {"key": h'6b', "value": h'', "expected_generation":
    // 18446744073709551615}}
    assertEquals(
        "a1"
            + "6f43617353746f726552657175657374"
            + "a3"
            + "636b6579"
            + "416b"
            + "6576616c7565"
            + "40"
            + "7365787065637465645f67656e65726174696f6e"
            + "1bffffffffffffffff",
        hex(
            Cbor.encode(
                new DelegateRequest.CasStore(new byte[] {0x6b}, new byte[0], -1L).toCbor())));
  }

  @Test
  void getManyRequestAndResponseKeepKeyOrderAndNullForAbsent() {
    assertEquals(
        "a16e4765744d616e7952657175657374a1646b657973814101",
        hex(Cbor.encode(new DelegateRequest.GetMany(Arrays.asList(new byte[] {1})).toCbor())));
    assertEquals(
        "a16f4765744d616e79526573706f6e7365a3646b65797382410141026676616c7565738241fff66b67656e65726174696f6e73820700",
        hex(
            Cbor.encode(
                new DelegateResponse.GetMany(
                        Arrays.asList(new byte[] {1}, new byte[] {2}),
                        Arrays.asList(new byte[] {(byte) 0xff}, null),
                        new long[] {7, 0})
                    .toCbor())));
  }

  @Test
  void getManyResponseWithMismatchedListsIsMalformed() {
    byte[] bad =
        Cbor.encode(
            Cbor.decode(
                TestHex.bytes(
                    "a1"
                        + "6f4765744d616e79526573706f6e7365"
                        + "a3"
                        + "646b657973"
                        + "824101"
                        + "4102"
                        + "6676616c756573"
                        + "8141ff"
                        + "6b67656e65726174696f6e73"
                        + "820100")));
    WireException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            WireException.class, () -> DelegateResponse.fromCbor(Cbor.decode(bad)));
    assertEquals(ErrorCodes.MALFORMED, e.code());
  }

  @Test
  void conflictWithAbsentValueCarriesNull() {
    // {"Conflict": {"current_generation": 0, "current_value": null}}
    assertEquals(
        "{\"Conflict\": {\"current_generation\": 0, \"current_value\": null}}",
        new CasStoreResult.Conflict(0, null).toString());
  }

  @Test
  void storeResultOkIsAMapToNull() {
    assertEquals("a1624f6bf6", hex(Cbor.encode(UnitResult.OK.toCbor())));
    assertEquals("{\"Err\": \"no\"}", UnitResult.err("no").toString());
  }

  @Test
  void delegateKeyChangedPush() {
    assertEquals(
        "{\"push\": {\"DelegateKeyChanged\": {\"delegate\": h'01', \"key\": h'02', "
            + "\"generation\": 18446744073709551615}}}",
        new Push(new Event.DelegateKeyChanged(new byte[] {1}, new byte[] {2}, -1L)).toString());
  }

  @Test
  void delegateKeyChangedPushCarriesTheValueWhenItHasOne() {
    assertEquals(
        "{\"push\": {\"DelegateKeyChanged\": {\"delegate\": h'01', \"key\": h'02', "
            + "\"generation\": 7, \"value\": h'0304'}}}",
        new Push(new Event.DelegateKeyChanged(new byte[] {1}, new byte[] {2}, 7, new byte[] {3, 4}))
            .toString());
    // The design's push (no value) and one with value null on the wire both read as "re-read".
    Event.DelegateKeyChanged plain =
        (Event.DelegateKeyChanged)
            Event.fromCbor(
                Cbor.decode(
                    TestHex.bytes(
                        "a17244656c65676174654b65794368616e676564a4"
                            + "6864656c6567617465410163"
                            + "6b657941026a67656e65726174696f6e07"
                            + "6576616c7565f6")));
    assertEquals(7, plain.generation());
    assertEquals(null, plain.value());
  }

  @Test
  void unknownFieldsAreIgnored() {
    // {"id": 1, "op": "Ping", "trace": "x"} and {"Stored": {"generation": 2, "at": 0}}
    Request r =
        WireCodec.decodeRequest(TestHex.bytes("a362696401626f706450696e67657472616365" + "6178"));
    assertEquals(new Request(1, Op.PING), r);
    CasStoreResult s =
        CasStoreResult.fromCbor(
            Cbor.decode(TestHex.bytes("a16653746f726564a26a67656e65726174696f6e0262617400")));
    assertEquals(2, ((CasStoreResult.Stored) s).generation());
  }

  @Test
  void optionalValueMayBeAbsentOrNull() {
    DelegateResponse.Get g =
        (DelegateResponse.Get)
            DelegateResponse.fromCbor(
                Cbor.decode(TestHex.bytes("a16b476574526573706f6e7365a1636b657941aa")));
    assertNull(g.value());
    assertArrayEquals(new byte[] {(byte) 0xaa}, g.key());
  }

  @Test
  void indefiniteLengthFramesFromOtherEncodersAreAccepted() {
    // {_ "id": 1, "op": "Ping"}
    assertEquals(
        new Request(1, Op.PING),
        WireCodec.decodeRequest(TestHex.bytes("bf62696401626f706450696e67ff")));
  }
}
