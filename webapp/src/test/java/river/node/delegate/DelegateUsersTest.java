package river.node.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void userBNeverSeesOrChangesUserAsKeys() throws Exception {
    try (WsClient a = WsClient.connect(node.wsUrl(tokenA));
        WsClient bc = WsClient.connect(node.wsUrl(tokenB))) {
      a.cas(b("rooms"), b("A's rooms"), 0);
      a.cas(b("rooms"), b("A's rooms v2"), 1);
      a.on(DelegateKeys.legacy()).store(b("rooms_data"), b("A's legacy blob"));

      assertTrue(bc.list().isEmpty());
      assertTrue(bc.on(DelegateKeys.legacy()).list().isEmpty());
      assertNull(bc.get(b("rooms")));
      assertNull(bc.on(DelegateKeys.legacy()).get(b("rooms_data")));
      assertEquals(0, bc.getVersioned(b("rooms")).generation());
      CasStoreResult.Conflict conflict =
          (CasStoreResult.Conflict) bc.cas(b("rooms"), b("B"), 2).result();
      assertEquals(0, conflict.currentGeneration(), "B's CAS is judged against B's store only");
      assertNull(conflict.currentValue());
      assertEquals(
          1, ((CasStoreResult.Stored) bc.cas(b("rooms"), b("B's rooms"), 0).result()).generation());
      bc.store(b("rooms"), b("B again"));
      bc.delete(b("rooms"));
      bc.on(DelegateKeys.legacy()).delete(b("rooms_data"));

      assertEquals(2, a.getVersioned(b("rooms")).generation());
      assertArrayEquals(b("A's rooms v2"), a.get(b("rooms")));
      assertArrayEquals(b("A's legacy blob"), a.on(DelegateKeys.legacy()).get(b("rooms_data")));
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
      a1.cas(b("rooms"), b("v1"), 0); // generation 1
      a1.cas(b("rooms"), b("stale"), 0); // conflict: no push
      a1.store(b("rooms"), b("v2")); // generation 2
      a1.cas(b("rooms"), b("v3"), 2); // generation 3
      a1.cas(b("nick"), b("n"), 0); // another key, generation 1
      a1.delete(b("nick")); // reset: generation 0
      a1.delete(b("never-stored")); // nothing changed: no push
      a1.on(DelegateKeys.legacy()).store(b("rooms_data"), b("x")); // legacy: generation 0

      List<Object[]> expected =
          List.of(
              new Object[] {DelegateKeys.current(), "rooms", 1L},
              new Object[] {DelegateKeys.current(), "rooms", 2L},
              new Object[] {DelegateKeys.current(), "rooms", 3L},
              new Object[] {DelegateKeys.current(), "nick", 1L},
              new Object[] {DelegateKeys.current(), "nick", 0L},
              new Object[] {DelegateKeys.legacy(), "rooms_data", 0L});
      for (Object[] e : expected) {
        Event ev = a2.nextPush(Duration.ofSeconds(10));
        assertNotNull(ev, "missing push for " + e[1] + " at " + e[2]);
        Event.DelegateKeyChanged changed = (Event.DelegateKeyChanged) ev;
        assertArrayEquals((byte[]) e[0], changed.delegate());
        assertEquals(e[1], new String(changed.key(), StandardCharsets.UTF_8));
        assertEquals((long) (Long) e[2], changed.generation());
      }
      // Everything a1 wrote has been answered (and so pushed): nothing more may be queued anywhere.
      a2.getVersioned(b("rooms"));
      a1.getVersioned(b("rooms"));
      bc.getVersioned(b("rooms"));
      assertNull(a2.nextPush(Duration.ofMillis(200)), "no extra pushes");
      assertTrue(a1.drainPushes().isEmpty(), "the writer gets no push for its own writes");
      assertTrue(bc.drainPushes().isEmpty(), "another user gets no push");

      // The other way round: a2's write reaches a1.
      a2.cas(b("rooms"), b("v4"), 3);
      Event.DelegateKeyChanged back =
          (Event.DelegateKeyChanged) a1.nextPush(Duration.ofSeconds(10));
      assertEquals(4, back.generation());
      assertTrue(bc.drainPushes().isEmpty());
    }
  }
}
