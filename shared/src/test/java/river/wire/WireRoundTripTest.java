package river.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every variant survives encode → decode, and re-encodes to the same bytes. */
class WireRoundTripTest {
  static final byte[] DELEGATE = new byte[32];
  static final byte[] KEY = "room:abc".getBytes();
  static final byte[] VALUE = {0, 1, 2, (byte) 0xff};
  static final long MAX_U64 = -1L;

  static List<DelegateRequest> delegateRequests() {
    return Arrays.asList(
        new DelegateRequest.Get(KEY),
        new DelegateRequest.Store(KEY, VALUE),
        new DelegateRequest.Delete(KEY),
        DelegateRequest.LIST,
        new DelegateRequest.GetVersioned(KEY),
        new DelegateRequest.CasStore(KEY, VALUE, 0),
        new DelegateRequest.CasStore(KEY, new byte[0], MAX_U64),
        new DelegateRequest.GetMany(Arrays.asList(KEY, VALUE)),
        new DelegateRequest.StoreSigningKey(KEY, VALUE),
        new DelegateRequest.StoreSigningKey(KEY, VALUE, KEY),
        new DelegateRequest.GetMany(Arrays.asList()),
        new DelegateRequest.ListValues(512 * 1024),
        new DelegateRequest.ListValues(0));
  }

  static List<DelegateResponse> delegateResponses() {
    return Arrays.asList(
        new DelegateResponse.Get(KEY, VALUE),
        new DelegateResponse.Get(KEY, null),
        new DelegateResponse.Store(KEY, 4, UnitResult.OK),
        new DelegateResponse.Store(KEY, 4, UnitResult.err("disk full")),
        new DelegateResponse.Delete(KEY, UnitResult.OK),
        new DelegateResponse.ListKeys(Arrays.asList(KEY, VALUE)),
        new DelegateResponse.ListKeys(Arrays.asList()),
        new DelegateResponse.GetMany(
            Arrays.asList(KEY, VALUE), Arrays.asList(VALUE, null), new long[] {MAX_U64, 0}),
        new DelegateResponse.GetMany(Arrays.asList(), Arrays.asList(), new long[0]),
        new ListValuesResponse(
            Arrays.asList(KEY, VALUE), Arrays.asList(VALUE), new long[] {Long.MAX_VALUE}),
        new ListValuesResponse(Arrays.asList(), Arrays.asList(), new long[0]),
        new DelegateResponse.GetVersioned(KEY, VALUE, MAX_U64),
        new DelegateResponse.GetVersioned(KEY, null, 0),
        new DelegateResponse.CasStore(KEY, new CasStoreResult.Stored(MAX_U64)),
        new DelegateResponse.CasStore(KEY, new CasStoreResult.Conflict(7, VALUE)),
        new DelegateResponse.CasStore(KEY, new CasStoreResult.Conflict(0, null)),
        new DelegateResponse.CasStore(KEY, new CasStoreResult.Failed("generation exhausted")));
  }

  static Stream<Request> requests() {
    Stream<Request> delegate =
        delegateRequests().stream().map(m -> new Request(5, new Op.Delegate(DELEGATE, m)));
    return Stream.concat(
        delegate,
        Stream.of(
            new Request(0, Op.PING),
            new Request(MAX_U64, new Op.Get(KEY, true)),
            new Request(1, new Op.Get(KEY, false)),
            new Request(2, new Op.Put(KEY, VALUE)),
            new Request(3, new Op.Update(KEY, VALUE)),
            new Request(4, new Op.Subscribe(KEY))));
  }

  static Stream<ServerFrame> serverFrames() {
    Stream<ServerFrame> delegate =
        delegateResponses().stream().map(r -> Response.ok(9, new OpResult.Delegate(r)));
    return Stream.concat(
        delegate,
        Stream.of(
            Response.ok(1, OpResult.PONG),
            Response.ok(2, new OpResult.GetResult(KEY, VALUE)),
            Response.ok(3, new OpResult.PutResult(KEY)),
            Response.ok(4, new OpResult.UpdateResult(KEY)),
            Response.ok(5, new OpResult.Subscribed(KEY)),
            Response.err(6, ErrorCodes.UNKNOWN_OP, "unknown Op variant \"Fly\""),
            new Push(new Event.DelegateKeyChanged(DELEGATE, KEY, MAX_U64)),
            new Push(new Event.DelegateKeyChanged(DELEGATE, KEY, 3, VALUE)),
            new Push(new Event.ContractUpdated(KEY, VALUE))));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void requestRoundTrips(Request request) {
    byte[] bytes = WireCodec.encodeRequest(request);
    Request back = WireCodec.decodeRequest(bytes);
    assertEquals(request, back);
    assertEquals(request.id(), back.id());
    assertArrayEquals(bytes, WireCodec.encodeRequest(back));
  }

  @ParameterizedTest
  @MethodSource("serverFrames")
  void serverFrameRoundTrips(ServerFrame frame) {
    byte[] bytes = WireCodec.encodeServerFrame(frame);
    ServerFrame back = WireCodec.decodeServerFrame(bytes);
    assertEquals(frame, back);
    assertEquals(frame.getClass(), back.getClass());
    assertArrayEquals(bytes, WireCodec.encodeServerFrame(back));
  }

  @ParameterizedTest
  @MethodSource("requests")
  void typedAccessorsSurviveTheRoundTrip(Request request) {
    Request back = WireCodec.decodeRequest(WireCodec.encodeRequest(request));
    if (back.op() instanceof Op.Delegate) {
      Op.Delegate d = (Op.Delegate) back.op();
      assertArrayEquals(DELEGATE, d.delegate());
      DelegateRequest m = d.msg();
      if (m instanceof DelegateRequest.CasStore) {
        DelegateRequest.CasStore c = (DelegateRequest.CasStore) m;
        assertArrayEquals(KEY, c.key());
        assertEquals(
            ((DelegateRequest.CasStore) ((Op.Delegate) request.op()).msg()).expectedGeneration(),
            c.expectedGeneration());
      }
      assertEquals(((Op.Delegate) request.op()).msg().variantName(), m.variantName());
    } else {
      assertTrue(back.op().getClass() == request.op().getClass());
    }
  }
}
