package river.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.contract.ContractHost;
import river.node.tools.WsClient;
import river.node.ws.InFlightLimits;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.Response;

/**
 * Room subscriptions are capped per connection and per node, over the real WebSocket: past a cap a
 * Subscribe (or a Get that subscribes) is answered {@code too_large} with a plain message, the
 * connection goes on, other users are unaffected, and a connection's subscriptions are released
 * when it closes or drops.
 */
class SubscriptionLimitsTest {
  @TempDir Path dir;

  static byte[] room(int i) {
    byte[] key = new byte[32];
    key[0] = (byte) (i >> 24);
    key[1] = (byte) (i >> 16);
    key[2] = (byte) (i >> 8);
    key[3] = (byte) i;
    key[31] = 7;
    return key;
  }

  static Response send(WsClient c, Op op) throws Exception {
    return WsClient.await(c.request(op));
  }

  static void assertTooLarge(Response r, String says) {
    assertEquals(ErrorCodes.TOO_LARGE, r.errorCode(), String.valueOf(r.errorMessage()));
    assertTrue(r.errorMessage().contains(says), r.errorMessage());
  }

  /** Subscribes to rooms [from, to), pipelined in windows the node accepts; all must be ok. */
  static void subscribe(WsClient c, int from, int to) throws Exception {
    for (int start = from; start < to; start += 128) {
      List<CompletableFuture<Response>> answers = new ArrayList<>();
      for (int i = start; i < Math.min(to, start + 128); i++) {
        answers.add(c.request(new Op.Subscribe(room(i))));
      }
      for (CompletableFuture<Response> a : answers) {
        Response r = WsClient.await(a);
        assertTrue(r.isOk(), r.errorCode() + ": " + r.errorMessage());
      }
    }
  }

  /**
   * Asks until the node says yes (the node releases a closed connection's share asynchronously).
   */
  static void eventuallySubscribed(WsClient c, byte[] room) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Response r;
    while (!(r = send(c, new Op.Subscribe(room))).isOk()) {
      assertEquals(ErrorCodes.TOO_LARGE, r.errorCode());
      assertTrue(
          System.nanoTime() < deadline,
          "the closed connection's subscriptions were never released");
      Thread.sleep(10);
    }
  }

  @Test
  void aConnectionFollowsAtMost1024RoomsAndStaysUsable() throws Exception {
    assertEquals(1024, ContractHost.SUBSCRIPTIONS_PER_CONNECTION);
    try (TestNode node = new TestNode(dir)) {
      String token = node.newProfile();
      try (WsClient c = WsClient.connect(node.wsUrl(token));
          WsClient tab2 = WsClient.connect(node.wsUrl(token));
          WsClient other = node.connectNewProfile()) {
        subscribe(c, 0, 1024);
        assertTooLarge(send(c, new Op.Subscribe(room(1024))), "already follows 1024 rooms");
        assertTooLarge(send(c, new Op.Get(room(1025), true)), "already follows 1024 rooms");

        assertTrue(
            send(c, new Op.Subscribe(room(5))).isOk(), "a room it follows already costs nothing");
        Response get = send(c, new Op.Get(room(1026), false));
        assertEquals(
            ErrorCodes.INVALID, get.errorCode(), "a Get that does not subscribe is served as ever");
        assertTrue(send(c, Op.PING).isOk());
        assertTrue(c.isOpen());
        // The same user's other tab and another user each have their own share.
        subscribe(tab2, 2000, 2010);
        subscribe(other, 0, 10);
      }
    }
  }

  @Test
  void theNodeCapCountsEveryConnectionAndAClosedOrDroppedConnectionGivesItsShareBack()
      throws Exception {
    try (TestNode node = new TestNode(dir, new NodeLimits(InFlightLimits.DEFAULT, 4, 6))) {
      String alice = node.newProfile();
      try (WsClient b = node.connectNewProfile()) {
        WsClient a = WsClient.connect(node.wsUrl(alice));
        subscribe(a, 0, 4);
        assertTooLarge(
            send(a, new Op.Subscribe(room(4))), "this connection already follows 4 rooms");

        subscribe(b, 100, 102);
        assertTooLarge(send(b, new Op.Subscribe(room(102))), "this node already follows 6 rooms");
        assertTooLarge(send(b, new Op.Get(room(102), true)), "this node already follows 6 rooms");
        assertTrue(send(b, Op.PING).isOk(), "still open");

        a.close(); // a clean close
        eventuallySubscribed(b, room(102));

        WsClient a2 = WsClient.connect(node.wsUrl(alice));
        subscribe(a2, 0, 3);
        assertTooLarge(send(a2, new Op.Subscribe(room(3))), "this node already follows 6 rooms");
        a2.abort(); // dropped without a close handshake
        eventuallySubscribed(b, room(103));

        try (WsClient a3 = WsClient.connect(node.wsUrl(alice))) {
          subscribe(a3, 0, 2);
          assertTooLarge(send(a3, new Op.Subscribe(room(2))), "this node already follows 6 rooms");
        }
      }
    }
  }
}
