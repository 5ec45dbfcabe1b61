package river.node.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import river.node.TestNode;
import river.node.pg.StoreKind;
import river.node.tools.WsClient;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;

/** GetManyRequest over a real WebSocket: plain Gets in one answer, and its limits. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DelegateGetManyTest {
  @Parameter StoreKind kind;

  @TempDir Path dir;
  TestNode node;
  WsClient c;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(dir, kind);
    c = WsClient.connect(node.wsUrl(node.newProfile()));
  }

  @AfterEach
  void stop() {
    c.close();
    node.close();
  }

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  DelegateResponse.GetMany getMany(WsClient client, byte[]... keys) throws Exception {
    return (DelegateResponse.GetMany)
        client.delegate(new DelegateRequest.GetMany(Arrays.asList(keys)));
  }

  @Test
  void answersEachKeyInRequestOrderWithValueAndGenerationAndNullForAbsent() throws Exception {
    c.cas(b("room:a"), b("A"), 0);
    c.store(b("room:b"), b("B1"));
    c.store(b("room:b"), b("B2")); // generation 2: still just the data
    DelegateResponse.GetMany r = getMany(c, b("room:b"), b("missing"), b("room:a"));
    assertEquals(3, r.size());
    assertArrayEquals(b("room:b"), r.key(0));
    assertArrayEquals(b("B2"), r.value(0));
    assertEquals(2, r.generation(0));
    assertNull(r.value(1));
    assertEquals(0, r.generation(1), "absent is generation 0");
    assertArrayEquals(b("A"), r.value(2));
    assertEquals(1, r.generation(2));
    assertEquals(0, getMany(c).size());
  }

  @Test
  void readsOnlyTheAskersOwnStore() throws Exception {
    c.store(b("room:x"), b("mine"));
    try (WsClient other = WsClient.connect(node.wsUrl(node.newProfile()))) {
      assertNull(getMany(other, b("room:x")).value(0));
    }
  }

  @Test
  void moreKeysThanTheLimitAreRefusedTooLarge() {
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i <= DelegateRequest.GetMany.MAX_KEYS; i++) {
      keys.add(b("k" + i));
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
      c.store(b("big" + i), big);
    }
    WsClient.NodeError e =
        assertThrows(
            WsClient.NodeError.class, () -> getMany(c, b("big0"), b("big1"), b("big2"), b("big3")));
    assertEquals(ErrorCodes.TOO_LARGE, e.code());
    assertTrue(e.getMessage().contains("one by one"), e.getMessage());
    assertEquals(3, getMany(c, b("big0"), b("big1"), b("big2")).size());
  }

  @Test
  void anOverlongKeyRefusesTheWholeRequest() {
    WsClient.NodeError e =
        assertThrows(WsClient.NodeError.class, () -> getMany(c, b("ok"), new byte[2000]));
    assertEquals(ErrorCodes.TOO_LARGE, e.code());
  }

  @Test
  void theLegacyDelegateHasNoGetMany() throws Exception {
    WsClient legacy = c.on(DelegateKeys.legacy());
    WsClient.NodeError e =
        assertThrows(WsClient.NodeError.class, () -> getMany(legacy, b("rooms_data")));
    assertEquals(ErrorCodes.UNKNOWN_OP, e.code());
  }
}
