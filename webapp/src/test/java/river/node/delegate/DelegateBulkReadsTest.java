package river.node.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.TestNode.utf8;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.CborMap;
import river.node.TestNode;
import river.node.pg.StoreKind;
import river.node.tools.WsClient;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.ListValuesResponse;
import river.wire.Response;

/**
 * The bulk reads over a real WebSocket: GetManyRequest (plain Gets in one answer) and
 * ListValuesRequest (every key of the asker's own store, the first values as far as the budget and
 * the node's caps allow), their limits, and bad input refused with the connection alive.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DelegateBulkReadsTest {
  @Parameter StoreKind kind;

  @TempDir Path dir;
  TestNode node;
  WsClient c;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(dir, kind);
    c = node.connectNewProfile();
  }

  @AfterEach
  void stop() {
    c.close();
    node.close();
  }

  DelegateResponse.GetMany getMany(WsClient client, byte[]... keys) throws Exception {
    return (DelegateResponse.GetMany)
        client.delegate(new DelegateRequest.GetMany(Arrays.asList(keys)));
  }

  @Test
  void answersEachKeyInRequestOrderWithValueAndGenerationAndNullForAbsent() throws Exception {
    c.cas(utf8("room:a"), utf8("A"), 0);
    c.store(utf8("room:b"), utf8("B1"));
    c.store(utf8("room:b"), utf8("B2")); // generation 2: still just the data
    DelegateResponse.GetMany r = getMany(c, utf8("room:b"), utf8("missing"), utf8("room:a"));
    assertEquals(3, r.size());
    assertArrayEquals(utf8("room:b"), r.key(0));
    assertArrayEquals(utf8("B2"), r.value(0));
    assertEquals(2, r.generation(0));
    assertNull(r.value(1));
    assertEquals(0, r.generation(1), "absent is generation 0");
    assertArrayEquals(utf8("A"), r.value(2));
    assertEquals(1, r.generation(2));
    assertEquals(0, getMany(c).size());
  }

  @Test
  void readsOnlyTheAskersOwnStore() throws Exception {
    c.store(utf8("room:x"), utf8("mine"));
    try (WsClient other = node.connectNewProfile()) {
      assertNull(getMany(other, utf8("room:x")).value(0));
    }
  }

  @Test
  void moreKeysThanTheLimitAreRefusedTooLarge() {
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i <= DelegateRequest.GetMany.MAX_KEYS; i++) {
      keys.add(utf8("k" + i));
    }
    WsClient.NodeError e =
        assertThrows(WsClient.NodeError.class, () -> c.delegate(new DelegateRequest.GetMany(keys)));
    assertEquals(ErrorCodes.TOO_LARGE, e.code());
  }

  @Test
  void valuesThatWouldNotFitOneFrameAreRefusedTooLargeAndTheConnectionStaysUsable()
      throws Exception {
    byte[] big = new byte[200 * 1024];
    for (int i = 0; i < 4; i++) {
      c.store(utf8("big" + i), big);
    }
    WsClient.NodeError e =
        assertThrows(
            WsClient.NodeError.class,
            () -> getMany(c, utf8("big0"), utf8("big1"), utf8("big2"), utf8("big3")));
    assertEquals(ErrorCodes.TOO_LARGE, e.code());
    assertTrue(e.getMessage().contains("one by one"), e.getMessage());
    assertEquals(3, getMany(c, utf8("big0"), utf8("big1"), utf8("big2")).size());
  }

  @Test
  void anOverlongKeyRefusesTheWholeRequest() {
    WsClient.NodeError e =
        assertThrows(WsClient.NodeError.class, () -> getMany(c, utf8("ok"), new byte[2000]));
    assertEquals(ErrorCodes.TOO_LARGE, e.code());
  }

  @Test
  void theLegacyDelegateHasNoGetMany() throws Exception {
    WsClient legacy = c.on(DelegateKeys.legacy());
    WsClient.NodeError e =
        assertThrows(WsClient.NodeError.class, () -> getMany(legacy, utf8("rooms_data")));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
  }

  // ListValuesRequest: every key, with the first values as far as the budget and the caps go

  static ListValuesResponse listValues(WsClient client, long maxBytes) throws Exception {
    return (ListValuesResponse) client.delegate(new DelegateRequest.ListValues(maxBytes));
  }

  @Test
  void anotherUsersKeysAndValuesAreNeverListed() throws Exception {
    c.store(utf8("room:mine"), utf8("secret"));
    try (WsClient other = node.connectNewProfile()) {
      ListValuesResponse r = listValues(other, -1L);
      assertEquals(0, r.listed().keys().size());
      assertEquals(0, r.valued());
    }
  }

  @Test
  void everyKeyInByteOrderWithTheValuesAndGenerationsOfTheFirst() throws Exception {
    c.cas(utf8("room:b"), utf8("B"), 0);
    c.store(utf8("room:a"), utf8("A1"));
    c.store(utf8("room:a"), utf8("A2"));
    c.store(utf8("rooms_meta"), utf8("M"));
    ListValuesResponse r = listValues(c, 1 << 20);
    List<byte[]> keys = r.listed().keys();
    assertEquals(
        List.of("room:a", "room:b", "rooms_meta"), keys.stream().map(String::new).toList());
    assertEquals(3, r.valued());
    DelegateResponse.GetMany values = r.valuedPart();
    assertArrayEquals(utf8("A2"), values.value(0), "the data, without the envelope");
    assertEquals(2, values.generation(0));
    assertArrayEquals(utf8("B"), values.value(1));
    assertEquals(1, values.generation(1));
    assertArrayEquals(utf8("M"), values.value(2));
    assertEquals(0, listValues(c, 0).valued(), "a budget of 0: the keys alone");
    assertEquals(3, listValues(c, 0).listed().keys().size());
  }

  @Test
  void theBudgetCutsTheValuesNeverTheKeys() throws Exception {
    for (int i = 0; i < 10; i++) {
      c.store(utf8("k" + i), new byte[1000]);
    }
    // 10 keys of 2 bytes, then 1,000 bytes and 9 per value
    assertEquals(3, listValues(c, 20 + 3 * 1009).valued());
    assertEquals(2, listValues(c, 20 + 3 * 1009 - 1).valued());
    assertEquals(10, listValues(c, 20 + 3 * 1009 - 1).listed().keys().size());
  }

  @Test
  void anyBudgetIsCappedSoTheAnswerFitsItsFrame() throws Exception {
    byte[] big = new byte[200 * 1024];
    for (int i = 0; i < 4; i++) {
      c.store(utf8("big" + i), big);
    }
    ListValuesResponse r = listValues(c, -1L); // u64 max
    assertEquals(3, r.valued(), "the fourth would pass " + DelegateHost.GET_MANY_BUDGET_BYTES);
    assertEquals(4, r.listed().keys().size());
    assertEquals(4, c.list().size(), "the connection is still usable");
  }

  @Test
  void atMostAThousandAndTwentyFourValuesWhateverTheBudget() throws Exception {
    int n = ListValuesRead.MAX_VALUES + 30;
    for (int from = 0; from < n; from += 100) {
      List<CompletableFuture<DelegateResponse>> writes = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + 100); i++) {
        writes.add(
            c.delegateAsync(new DelegateRequest.Store(utf8(String.format("k%05d", i)), utf8("v"))));
      }
      for (CompletableFuture<DelegateResponse> w : writes) {
        WsClient.await(w);
      }
    }
    ListValuesResponse r = listValues(c, -1L);
    assertEquals(n, r.listed().keys().size());
    assertEquals(ListValuesRead.MAX_VALUES, r.valued());
  }

  @Test
  void theLegacyDelegateHasNoListValues() {
    WsClient.NodeError e =
        assertThrows(WsClient.NodeError.class, () -> listValues(c.on(DelegateKeys.legacy()), 1000));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
  }

  @Test
  void aBudgetThatIsNotAnUnsignedIntegerIsMalformedAndChangesNothing() throws Exception {
    c.store(utf8("room:a"), utf8("A"));
    for (CborItem budget : List.of(CborItem.text("all"), CborItem.NULL)) {
      byte[] frame =
          Cbor.encode(
              DelegateBadInputTest.request(
                  41,
                  DelegateBadInputTest.delegateOp(
                      DelegateBadInputTest.current(),
                      CborMap.builder()
                          .put(
                              "ListValuesRequest",
                              CborMap.builder().put("max_bytes", budget).build())
                          .build())));
      c.sendBinary(frame);
      Response r = c.nextUnmatched(Duration.ofSeconds(10));
      assertEquals(41, r.id());
      assertEquals(ErrorCodes.MALFORMED, r.errorCode(), budget.toString());
    }
    assertEquals(1, listValues(c, 100).valued(), "the store and the connection are as they were");
  }
}
