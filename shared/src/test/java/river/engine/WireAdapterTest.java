package river.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import river.cbor.Cbor;
import river.rooms.Bytes;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.UnitResult;

/** Mapping between the engine request/reply types and river.wire, through real CBOR. */
class WireAdapterTest {
  private static final Bytes D = Bytes.filled(32, 7);

  private static DelegateRequest viaBytes(DelegateOp op) {
    Op wire = WireAdapter.toWire(op);
    Op back = Op.fromCbor(Cbor.decode(Cbor.encode(wire.toCbor())));
    assertEquals(wire, back);
    assertArrayEquals(D.toArray(), ((Op.Delegate) back).delegate());
    return ((Op.Delegate) back).msg();
  }

  @Test
  void everyEngineRequestMapsToItsWireVariant() {
    DelegateRequest.CasStore cas = (DelegateRequest.CasStore) viaBytes(DelegateOp.casStore(D, "room:abc", new byte[] {1, 2}, 9));
    assertArrayEquals("room:abc".getBytes(StandardCharsets.UTF_8), cas.key());
    assertArrayEquals(new byte[] {1, 2}, cas.value());
    assertEquals(9, cas.expectedGeneration());
    assertTrue(viaBytes(DelegateOp.get(D, "rooms_meta")) instanceof DelegateRequest.Get);
    assertTrue(viaBytes(DelegateOp.getVersioned(D, "rooms_meta")) instanceof DelegateRequest.GetVersioned);
    assertTrue(viaBytes(DelegateOp.store(D, "m", new byte[] {3})) instanceof DelegateRequest.Store);
    assertEquals("ListRequest", viaBytes(DelegateOp.list(D)).variantName());
    DelegateRequest.GetMany many = (DelegateRequest.GetMany) viaBytes(DelegateOp.getMany(D, List.of("room:a", "rooms_meta")));
    assertEquals(2, many.keys().size());
    assertArrayEquals("rooms_meta".getBytes(StandardCharsets.UTF_8), many.keys().get(1));
  }

  @Test
  void getManyAnswersMapInOrderAndAForeignKeyIsAnError() {
    DelegateReply r = WireAdapter.fromWire(new DelegateResponse.GetMany(
        Arrays.asList("room:a".getBytes(StandardCharsets.UTF_8), "rooms_meta".getBytes(StandardCharsets.UTF_8)),
        Arrays.asList(null, new byte[] {4}), new long[] {0, 9}));
    assertEquals(DelegateReply.Kind.GET_MANY, r.kind());
    assertEquals(9, r.generationAt(1));
    assertEquals(List.of("room:a", "rooms_meta"), r.keys());
    assertNull(r.valueAt(0));
    assertArrayEquals(new byte[] {4}, r.valueAt(1));
    DelegateReply bad = WireAdapter.fromWire(new DelegateResponse.GetMany(
        Arrays.asList(new byte[] {(byte) 0xff}), Arrays.asList(new byte[][] {null}), new long[1]));
    assertEquals(DelegateReply.Kind.ERROR, bad.kind());
  }

  @Test
  void everyWireResponseMapsToAnEngineReply() {
    byte[] k = "room:x".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(new byte[] {5}, WireAdapter.fromWire(new DelegateResponse.Get(k, new byte[] {5})).value());
    assertNull(WireAdapter.fromWire(new DelegateResponse.Get(k, null)).value());
    DelegateReply gv = WireAdapter.fromWire(new DelegateResponse.GetVersioned(k, null, 0));
    assertEquals(DelegateReply.Kind.GET_VERSIONED, gv.kind());
    assertEquals(0, gv.generation());
    assertEquals(DelegateReply.Kind.CAS_STORED, WireAdapter.fromWire(new DelegateResponse.CasStore(k, new CasStoreResult.Stored(4))).kind());
    DelegateReply c = WireAdapter.fromWire(new DelegateResponse.CasStore(k, new CasStoreResult.Conflict(6, new byte[] {9})));
    assertEquals(DelegateReply.Kind.CAS_CONFLICT, c.kind());
    assertEquals(6, c.generation());
    assertArrayEquals(new byte[] {9}, c.value());
    assertEquals("full", WireAdapter.fromWire(new DelegateResponse.CasStore(k, new CasStoreResult.Failed("full"))).message());
    assertNull(WireAdapter.fromWire(new DelegateResponse.Store(k, 3, UnitResult.OK)).message());
    assertEquals("no", WireAdapter.fromWire(new DelegateResponse.Store(k, 3, UnitResult.err("no"))).message());
    DelegateReply l = WireAdapter.fromWire(new DelegateResponse.ListKeys(Arrays.asList(k, new byte[] {(byte) 0xff}, "rooms_meta".getBytes())));
    assertEquals(List.of("room:x", "rooms_meta"), l.keys(), "a non-UTF-8 key is dropped");
    assertEquals(DelegateReply.Kind.ERROR, WireAdapter.fromError("unknown_delegate", "x").kind());
    assertEquals(DelegateReply.Kind.ERROR, WireAdapter.fromWire(new DelegateResponse.Delete(k, UnitResult.OK)).kind());
  }
}
