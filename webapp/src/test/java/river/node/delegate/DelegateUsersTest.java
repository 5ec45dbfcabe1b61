package river.node.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.TestNode.utf8;

import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import river.wire.CasStoreResult;
import river.wire.Event;

/** Users are isolated at the data level, and a write is pushed to the writer's other tabs only. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DelegateUsersTest {
  @Parameter StoreKind kind;

  @TempDir Path dir;
  TestNode node;
  String tokenA;
  String tokenB;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(dir, kind);
    tokenA = node.newProfile();
    tokenB = node.newProfile();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void userBNeverSeesOrChangesUserAsKeys() throws Exception {
    try (WsClient a = WsClient.connect(node.wsUrl(tokenA));
        WsClient bc = WsClient.connect(node.wsUrl(tokenB))) {
      a.cas(utf8("rooms"), utf8("A's rooms"), 0);
      a.cas(utf8("rooms"), utf8("A's rooms v2"), 1);
      a.on(DelegateKeys.legacy()).store(utf8("rooms_data"), utf8("A's legacy blob"));

      assertTrue(bc.list().isEmpty());
      assertTrue(bc.on(DelegateKeys.legacy()).list().isEmpty());
      assertNull(bc.get(utf8("rooms")));
      assertNull(bc.on(DelegateKeys.legacy()).get(utf8("rooms_data")));
      assertEquals(0, bc.getVersioned(utf8("rooms")).generation());
      CasStoreResult.Conflict conflict =
          (CasStoreResult.Conflict) bc.cas(utf8("rooms"), utf8("B"), 2).result();
      assertEquals(0, conflict.currentGeneration(), "B's CAS is judged against B's store only");
      assertNull(conflict.currentValue());
      assertEquals(
          1,
          ((CasStoreResult.Stored) bc.cas(utf8("rooms"), utf8("B's rooms"), 0).result())
              .generation());
      bc.store(utf8("rooms"), utf8("B again"));
      bc.delete(utf8("rooms"));
      bc.on(DelegateKeys.legacy()).delete(utf8("rooms_data"));

      assertEquals(2, a.getVersioned(utf8("rooms")).generation());
      assertArrayEquals(utf8("A's rooms v2"), a.get(utf8("rooms")));
      assertArrayEquals(
          utf8("A's legacy blob"), a.on(DelegateKeys.legacy()).get(utf8("rooms_data")));
      assertEquals(1, a.list().size());
    }
  }

  @Test
  void unknownTokensAndForeignOriginsAreRefusedAtTheUpgrade() {
    assertThrows(
        WebSocketHandshakeException.class, () -> WsClient.connect(node.wsUrl("not-a-token")));
    assertThrows(WebSocketHandshakeException.class, () -> WsClient.connect(node.wsUrl(null)));
    assertThrows(
        WebSocketHandshakeException.class,
        () -> WsClient.connect(node.wsUrl(tokenA), Map.of("Origin", "http://evil.example")));
  }

  @Test
  void writesArePushedToTheWritersOtherConnectionsOnly() throws Exception {
    try (WsClient a1 = WsClient.connect(node.wsUrl(tokenA));
        WsClient a2 = WsClient.connect(node.wsUrl(tokenA));
        WsClient bc = WsClient.connect(node.wsUrl(tokenB))) {
      a1.cas(utf8("rooms"), utf8("v1"), 0); // generation 1
      a1.cas(utf8("rooms"), utf8("stale"), 0); // conflict: no push
      a1.store(utf8("rooms"), utf8("v2")); // generation 2
      a1.cas(utf8("rooms"), utf8("v3"), 2); // generation 3
      a1.cas(utf8("nick"), utf8("n"), 0); // another key, generation 1
      a1.delete(utf8("nick")); // reset: generation 0
      a1.delete(utf8("never-stored")); // nothing changed: no push
      a1.on(DelegateKeys.legacy()).store(utf8("rooms_data"), utf8("x")); // legacy: generation 0

      // delegate, key, generation, and the value the push carries (none for a Delete or legacy)
      List<Object[]> expected =
          List.of(
              new Object[] {DelegateKeys.current(), "rooms", 1L, "v1"},
              new Object[] {DelegateKeys.current(), "rooms", 2L, "v2"},
              new Object[] {DelegateKeys.current(), "rooms", 3L, "v3"},
              new Object[] {DelegateKeys.current(), "nick", 1L, "n"},
              new Object[] {DelegateKeys.current(), "nick", 0L, null},
              new Object[] {DelegateKeys.legacy(), "rooms_data", 0L, null});
      for (Object[] e : expected) {
        Event ev = a2.nextPush(Duration.ofSeconds(10));
        assertNotNull(ev, "missing push for " + e[1] + " at " + e[2]);
        Event.DelegateKeyChanged changed = (Event.DelegateKeyChanged) ev;
        assertArrayEquals((byte[]) e[0], changed.delegate());
        assertEquals(e[1], new String(changed.key(), StandardCharsets.UTF_8));
        assertEquals((long) (Long) e[2], changed.generation());
        assertArrayEquals(e[3] == null ? null : utf8((String) e[3]), changed.value());
      }
      // Everything a1 wrote has been answered (and so pushed): nothing more may be queued anywhere.
      a2.getVersioned(utf8("rooms"));
      a1.getVersioned(utf8("rooms"));
      bc.getVersioned(utf8("rooms"));
      assertNull(a2.nextPush(Duration.ofMillis(200)), "no extra pushes");
      assertTrue(a1.drainPushes().isEmpty(), "the writer gets no push for its own writes");
      assertTrue(bc.drainPushes().isEmpty(), "another user gets no push");

      // The other way round: a2's write reaches a1.
      a2.cas(utf8("rooms"), utf8("v4"), 3);
      Event.DelegateKeyChanged back =
          (Event.DelegateKeyChanged) a1.nextPush(Duration.ofSeconds(10));
      assertEquals(4, back.generation());
      assertTrue(bc.drainPushes().isEmpty());
    }
  }

  @Test
  void aValueOverThePushLimitIsAnnouncedWithoutIt() throws Exception {
    try (WsClient a1 = WsClient.connect(node.wsUrl(tokenA));
        WsClient a2 = WsClient.connect(node.wsUrl(tokenA))) {
      byte[] atLimit = new byte[DelegateHost.PUSH_VALUE_BYTES];
      byte[] over = new byte[DelegateHost.PUSH_VALUE_BYTES + 1];
      java.util.Arrays.fill(atLimit, (byte) 7);
      a1.cas(utf8("big"), atLimit, 0);
      a1.cas(utf8("big"), over, 1);
      Event.DelegateKeyChanged first =
          (Event.DelegateKeyChanged) a2.nextPush(Duration.ofSeconds(10));
      assertEquals(1, first.generation());
      assertArrayEquals(atLimit, first.value());
      Event.DelegateKeyChanged second =
          (Event.DelegateKeyChanged) a2.nextPush(Duration.ofSeconds(10));
      assertEquals(2, second.generation());
      assertNull(second.value(), "too large to carry: the tab reads it back");
      assertArrayEquals(over, a2.getVersioned(utf8("big")).value());
    }
  }
}
