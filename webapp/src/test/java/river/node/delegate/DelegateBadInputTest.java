package river.node.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.TestNode.utf8;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.node.NodeServer;
import river.node.TestNode;
import river.node.tools.WsClient;
import river.node.ws.RequestDispatcher;
import river.store.DelegateKeys;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Response;

/**
 * Limits and bad input over a real WebSocket: each gets an error response with the right code and
 * id, the connection stays usable, and nothing is written.
 */
class DelegateBadInputTest {
  @TempDir Path dir;
  TestNode node;
  WsClient c;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(dir);
    c = node.connectNewProfile();
  }

  @AfterEach
  void stop() {
    c.close();
    node.close();
  }

  /** The connection still answers, and neither delegate holds any key. */
  void stillUsableAndNothingWritten() throws Exception {
    Response pong = WsClient.await(c.request(Op.PING));
    assertTrue(pong.isOk() && pong.result() == OpResult.PONG);
    assertTrue(c.list().isEmpty(), "nothing was written to the current delegate");
    assertTrue(
        c.on(DelegateKeys.legacy()).list().isEmpty(), "nothing was written to the legacy delegate");
    assertTrue(c.isOpen());
  }

  void expectError(WsClient.NodeError e, String code) throws Exception {
    assertEquals(code, e.code(), e.getMessage());
    stillUsableAndNothingWritten();
  }

  /** Sends raw bytes and returns the answer sent with id 0 or {@code id}. */
  Response answerTo(byte[] frame, long id) throws Exception {
    c.sendBinary(frame);
    Response r = c.nextUnmatched(Duration.ofSeconds(10));
    assertNotNull(r, "no answer to a bad frame");
    assertEquals(id, r.id());
    return r;
  }

  static CborItem request(long id, CborItem op) {
    return CborMap.builder().put("id", CborItem.uint(id)).put("op", op).build();
  }

  static CborItem delegateOp(CborItem delegate, CborItem msg) {
    return CborMap.builder()
        .put("Delegate", CborMap.builder().put("delegate", delegate).put("msg", msg).build())
        .build();
  }

  static CborItem current() {
    return CborItem.bytes(DelegateKeys.current());
  }

  @Test
  void aValueOfTheLimitIsStoredAndOneByteMoreIsTooLarge() throws Exception {
    byte[] max = new byte[DelegateHost.MAX_DATA_BYTES];
    max[0] = 42;
    byte[] over = new byte[DelegateHost.MAX_DATA_BYTES + 1];
    for (WsClient d : List.of(c, c.on(DelegateKeys.legacy()))) {
      expectError(
          assertThrows(WsClient.NodeError.class, () -> d.store(utf8("k"), over)),
          ErrorCodes.TOO_LARGE);
    }
    expectError(
        assertThrows(WsClient.NodeError.class, () -> c.cas(utf8("k"), over, 0)),
        ErrorCodes.TOO_LARGE);
    assertEquals(1, ((CasStoreResult.Stored) c.cas(utf8("k"), max, 0).result()).generation());
    assertArrayEquals(max, c.get(utf8("k")));
    assertTrue(c.on(DelegateKeys.legacy()).store(utf8("k"), max).result().isOk());
  }

  @Test
  void aKeyOverOneKibIsTooLarge() throws Exception {
    byte[] over = new byte[DelegateHost.MAX_KEY_BYTES + 1];
    expectError(
        assertThrows(WsClient.NodeError.class, () -> c.store(over, utf8("v"))),
        ErrorCodes.TOO_LARGE);
    expectError(
        assertThrows(WsClient.NodeError.class, () -> c.cas(over, utf8("v"), 0)),
        ErrorCodes.TOO_LARGE);
    expectError(assertThrows(WsClient.NodeError.class, () -> c.get(over)), ErrorCodes.TOO_LARGE);
    expectError(
        assertThrows(WsClient.NodeError.class, () -> c.getVersioned(over)), ErrorCodes.TOO_LARGE);
    expectError(assertThrows(WsClient.NodeError.class, () -> c.delete(over)), ErrorCodes.TOO_LARGE);
    byte[] max = new byte[DelegateHost.MAX_KEY_BYTES];
    assertEquals(1, ((CasStoreResult.Stored) c.cas(max, utf8("v"), 0).result()).generation());
  }

  @Test
  void aFrameOverOneMibIsTooLargeAndTheConnectionLives() throws Exception {
    byte[] value = new byte[RequestDispatcher.MAX_FRAME_BYTES]; // the frame is a little bigger
    Response r =
        WsClient.await(
            c.request(
                77,
                new Op.Delegate(
                    DelegateKeys.current(), new DelegateRequest.Store(utf8("k"), value))));
    assertEquals(ErrorCodes.TOO_LARGE, r.errorCode());
    assertEquals(77, r.id(), "the oversized request is answered under its own id");
    stillUsableAndNothingWritten();
  }

  @Test
  void aFrameOverJettysHardLimitClosesTheConnection() throws Exception {
    c.sendBinary(new byte[NodeServer.HARD_FRAME_BYTES + 1]);
    assertEquals(1009, c.closed().get(10, TimeUnit.SECONDS), "message too big");
    try (WsClient again = node.connectNewProfile()) {
      assertTrue(again.list().isEmpty(), "the node keeps serving");
    }
  }

  @Test
  void malformedCborIsAnsweredWithIdZero() throws Exception {
    byte[][] frames = {
      {(byte) 0xFF}, // a lone break
      {(byte) 0xA2, 0x62, 0x69, 0x64, 0x01}, // truncated map
      {0x1C}, // reserved additional info
      {(byte) 0xA1, 0x62, 0x69, 0x64, 0x01, 0x00}, // trailing bytes
      {}, // empty frame
      {(byte) 0x62, (byte) 0xC3, 0x28}, // invalid UTF-8 text
    };
    for (byte[] f : frames) {
      assertEquals(ErrorCodes.MALFORMED, answerTo(f, 0).errorCode());
    }
    stillUsableAndNothingWritten();
  }

  @Test
  void oversizedItemsAreMalformed() throws Exception {
    // A byte string that claims 2^32 bytes in a 10-byte frame, and nesting deeper than the decoder
    // allows.
    byte[] claims = {(byte) 0x5B, 0, 0, 0, 1, 0, 0, 0, 0, 0};
    assertEquals(ErrorCodes.MALFORMED, answerTo(claims, 0).errorCode());
    byte[] nested = new byte[201];
    Arrays.fill(nested, 0, 200, (byte) 0x81);
    nested[200] = 0x01;
    assertEquals(ErrorCodes.MALFORMED, answerTo(nested, 0).errorCode());
    stillUsableAndNothingWritten();
  }

  @Test
  void wrongShapesAreMalformedAndAnsweredUnderTheirId() throws Exception {
    List<CborItem> bad = new ArrayList<>();
    bad.add(
        delegateOp(
            CborItem.text("not bytes"),
            CborMap.builder()
                .put("GetRequest", CborMap.builder().put("key", CborItem.bytes(utf8("k"))).build())
                .build()));
    bad.add(
        delegateOp(
            current(),
            CborMap.builder()
                .put(
                    "StoreRequest", CborMap.builder().put("key", CborItem.bytes(utf8("k"))).build())
                .build())); // no value
    bad.add(
        delegateOp(
            current(),
            CborMap.builder()
                .put(
                    "StoreRequest",
                    CborMap.builder()
                        .put("key", CborItem.text("k"))
                        .put("value", CborItem.bytes(utf8("v")))
                        .build())
                .build()));
    bad.add(
        delegateOp(
            current(),
            CborMap.builder()
                .put(
                    "CasStoreRequest",
                    CborMap.builder()
                        .put("key", CborItem.bytes(utf8("k")))
                        .put("value", CborItem.bytes(utf8("v")))
                        .put("expected_generation", CborItem.integer(-1))
                        .build())
                .build()));
    bad.add(delegateOp(current(), CborItem.uint(3)));
    bad.add(CborMap.builder().put("Delegate", CborItem.array()).build());
    long id = 100;
    for (CborItem op : bad) {
      id++;
      Response r = answerTo(Cbor.encode(request(id, op)), id);
      assertEquals(ErrorCodes.MALFORMED, r.errorCode(), r.errorMessage());
    }
    // Not a map, and a map without a usable id: answered with id 0.
    assertEquals(
        ErrorCodes.MALFORMED,
        answerTo(Cbor.encode(CborItem.array(CborItem.uint(1))), 0).errorCode());
    assertEquals(
        ErrorCodes.MALFORMED,
        answerTo(
                Cbor.encode(
                    CborMap.builder()
                        .put("id", CborItem.text("5"))
                        .put("op", CborItem.text("Ping"))
                        .build()),
                0)
            .errorCode());
    stillUsableAndNothingWritten();
  }

  @Test
  void unknownOpsAndRequestsAreUnknownOp() throws Exception {
    Response r = answerTo(Cbor.encode(request(9, CborItem.text("Fly"))), 9);
    assertEquals(ErrorCodes.UNKNOWN_OP, r.errorCode());
    r =
        answerTo(
            Cbor.encode(
                request(
                    10,
                    CborMap.builder()
                        .put(
                            "Teleport",
                            CborMap.builder().put("key", CborItem.bytes(utf8("k"))).build())
                        .build())),
            10);
    assertEquals(ErrorCodes.UNKNOWN_OP, r.errorCode());
    r =
        answerTo(
            Cbor.encode(
                request(
                    11,
                    delegateOp(
                        current(),
                        CborMap.builder()
                            .put(
                                "SignMessageRequest",
                                CborMap.builder().put("key", CborItem.bytes(utf8("k"))).build())
                            .build()))),
            11);
    assertEquals(ErrorCodes.UNKNOWN_OP, r.errorCode());
    // Contract ops are served now (river.node.contract): a 4-byte key is no contract key.
    r = WsClient.await(c.request(12, new Op.Subscribe(utf8("room"))));
    assertEquals(ErrorCodes.INVALID, r.errorCode());
    stillUsableAndNothingWritten();
  }

  @Test
  void textFramesAreMalformed() throws Exception {
    c.sendText("{\"id\": 1, \"op\": \"Ping\"}");
    Response r = c.nextUnmatched(Duration.ofSeconds(10));
    assertNotNull(r);
    assertEquals(ErrorCodes.MALFORMED, r.errorCode());
    stillUsableAndNothingWritten();
  }

  @Test
  void anUnknownDelegateIsRefused() throws Exception {
    byte[] other = new byte[32];
    expectError(
        assertThrows(WsClient.NodeError.class, () -> c.on(other).cas(utf8("k"), utf8("v"), 0)),
        ErrorCodes.UNKNOWN_DELEGATE);
    expectError(
        assertThrows(WsClient.NodeError.class, () -> c.on(other).list()),
        ErrorCodes.UNKNOWN_DELEGATE);
  }

  @Test
  void nullValuesAreNotAbsentKeys() throws Exception {
    CborItem op =
        delegateOp(
            current(),
            CborMap.builder()
                .put(
                    "StoreRequest",
                    CborMap.builder()
                        .put("key", CborItem.bytes(utf8("k")))
                        .put("value", CborItem.NULL)
                        .build())
                .build());
    assertEquals(ErrorCodes.MALFORMED, answerTo(Cbor.encode(request(5, op)), 5).errorCode());
    assertNull(c.get(utf8("k")));
    stillUsableAndNothingWritten();
  }
}
