package river.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.store.DelegateStore;
import river.node.tools.WsClient;
import river.node.ws.ConnectionRegistry;
import river.node.ws.InFlightLimits;
import river.node.ws.OpHandler;
import river.node.ws.RequestDispatcher;
import river.node.ws.Unavailable;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Response;

/**
 * The node-wide in-flight caps and the per-connection byte window, over real WebSockets, with a
 * delegate handler that holds every request until the test releases it (as {@link
 * InFlightLimitTest} does), so "in flight" is exact. Over a connection's own window: {@code
 * too_large}. Over the node's, which many well-behaved connections can reach together: {@code
 * unavailable}, "the node is busy; try again" (it is not that client's doing, and it passes).
 */
class NodeInFlightLimitTest {
  @TempDir Path dir;
  final List<CompletableFuture<OpResult>> held = new CopyOnWriteArrayList<>();
  DelegateStore store;
  NodeServer server;

  static final Op LIST = new Op.Delegate(DelegateKeys.current(), DelegateRequest.LIST);
  static final OpResult EMPTY = new OpResult.Delegate(new DelegateResponse.ListKeys(List.of()));

  @AfterEach
  void stop() throws Exception {
    held.forEach(f -> f.complete(EMPTY));
    if (server != null) {
      server.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  /** A node whose delegate holds every request; two users' tokens. */
  String[] start(InFlightLimits limits) throws Exception {
    OpHandler holding =
        (connection, op) -> {
          CompletableFuture<OpResult> f = new CompletableFuture<>();
          held.add(f);
          return f;
        };
    store = DelegateStore.open(dir);
    String[] tokens = {DelegateStore.newToken(), DelegateStore.newToken()};
    for (String t : tokens) {
      store.createUser(DelegateStore.hashToken(t)).get();
    }
    server =
        new NodeServer(
            new NodeOptions(0, dir, null, List.of()),
            new StoreUserDirectory(store),
            new RequestDispatcher(holding, null, limits),
            new ConnectionRegistry());
    server.start();
    return tokens;
  }

  WsClient connect(String token) throws Exception {
    return WsClient.connect("ws://127.0.0.1:" + server.port() + "/v1/ws?token=" + token);
  }

  void awaitHeld(int n) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (held.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(n, held.size());
  }

  @Test
  void manyConnectionsTogetherReachTheNodeCapAndAreToldToTryAgain() throws Exception {
    String[] tokens = start(new InFlightLimits(4, 1 << 20, 6, 1 << 30));
    try (WsClient a = connect(tokens[0]);
        WsClient b = connect(tokens[1])) {
      List<CompletableFuture<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(a.request(LIST));
      }
      awaitHeld(4);
      Response overOwn = WsClient.await(a.request(LIST));
      assertEquals(ErrorCodes.TOO_LARGE, overOwn.errorCode(), "over its own window");
      answers.add(b.request(LIST));
      answers.add(b.request(LIST));
      awaitHeld(6);
      Response overNode = WsClient.await(b.request(LIST));
      assertEquals(
          ErrorCodes.UNAVAILABLE, overNode.errorCode(), "within its window, but the node is full");
      assertEquals(Unavailable.BUSY, overNode.errorMessage());
      assertTrue(
          WsClient.await(b.request(Op.PING)).isOk(), "Ping is answered whatever is in flight");

      held.forEach(f -> f.complete(EMPTY));
      for (CompletableFuture<Response> f : answers) {
        assertTrue(WsClient.await(f).isOk());
      }
      assertTrue(WsClient.await(b.request(Op.PING)).isOk());
      held.clear();
      CompletableFuture<Response> again = b.request(LIST);
      awaitHeld(1);
      held.get(0).complete(EMPTY);
      assertTrue(WsClient.await(again).isOk(), "the node's count went back down");
    }
  }

  @Test
  void requestBytesInFlightAreCappedPerConnectionAndPerNode() throws Exception {
    String[] tokens = start(new InFlightLimits(100, 64 << 10, 100, 70 << 10));
    Op store40k =
        new Op.Delegate(
            DelegateKeys.current(), new DelegateRequest.Store(new byte[] {1}, new byte[40 << 10]));
    try (WsClient a = connect(tokens[0]);
        WsClient b = connect(tokens[1])) {
      CompletableFuture<Response> first = a.request(store40k);
      awaitHeld(1);
      Response overOwn = WsClient.await(a.request(store40k));
      assertEquals(
          ErrorCodes.TOO_LARGE, overOwn.errorCode(), "80 KiB over the connection's 64 KiB");
      assertTrue(
          overOwn.errorMessage().contains("bytes of requests in flight on this connection"),
          overOwn.errorMessage());
      Response overNode = WsClient.await(b.request(store40k));
      assertEquals(ErrorCodes.UNAVAILABLE, overNode.errorCode(), "80 KiB over the node's 70 KiB");
      CompletableFuture<Response> small = b.request(LIST);
      awaitHeld(2);
      assertFalse(small.isDone(), "a small request still fits");
      held.forEach(f -> f.complete(EMPTY));
      assertTrue(WsClient.await(first).isOk());
      assertTrue(WsClient.await(small).isOk());
    }
  }
}
