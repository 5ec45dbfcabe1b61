package river.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.store.DelegateStore;
import river.node.tools.WsClient;
import river.node.ws.ConnectionRegistry;
import river.node.ws.OpHandler;
import river.node.ws.RequestDispatcher;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.OpResult;
import river.wire.Response;

/**
 * The per-connection in-flight limit, over a real WebSocket, with a delegate handler that holds
 * every request until the test releases it (so "in flight" is exact, not a race with the store).
 */
class InFlightLimitTest {
  @TempDir Path dir;

  @Test
  void requestsPastTheLimitAreTooLargeAndTheOthersAreStillAnswered() throws Exception {
    List<CompletableFuture<OpResult>> held = new CopyOnWriteArrayList<>();
    OpHandler holding =
        (connection, op) -> {
          CompletableFuture<OpResult> f = new CompletableFuture<>();
          held.add(f);
          return f;
        };
    try (DelegateStore store = DelegateStore.open(dir)) {
      String token = DelegateStore.newToken();
      store.createUser(DelegateStore.hashToken(token)).get();
      NodeServer server =
          new NodeServer(
              new NodeOptions(0, dir, null, List.of()),
              new StoreUserDirectory(store),
              new RequestDispatcher(holding, null),
              new ConnectionRegistry());
      server.start();
      try (WsClient c =
          WsClient.connect("ws://127.0.0.1:" + server.port() + "/v1/ws?token=" + token)) {
        int limit = RequestDispatcher.MAX_IN_FLIGHT;
        int extra = 44;
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        Op list = new Op.Delegate(DelegateKeys.current(), DelegateRequest.LIST);
        for (int i = 1; i <= limit + extra; i++) {
          answers.add(c.request(10_000 + i, list));
        }
        for (int i = limit; i < limit + extra; i++) {
          Response r = WsClient.await(answers.get(i));
          assertEquals(ErrorCodes.TOO_LARGE, r.errorCode());
          assertEquals(10_000 + i + 1, r.id());
        }
        assertTrue(
            WsClient.await(c.request(Op.PING)).isOk(),
            "Ping is answered at once, whatever is in flight");
        assertEquals(limit, held.size());
        for (int i = 0; i < limit; i++) {
          assertTrue(!answers.get(i).isDone(), "held requests are not answered early");
        }
        OpResult empty = new OpResult.Delegate(new DelegateResponse.ListKeys(List.of()));
        held.forEach(f -> f.complete(empty));
        for (int i = 0; i < limit; i++) {
          Response r = WsClient.await(answers.get(i));
          assertTrue(r.isOk());
          assertEquals(10_000 + i + 1, r.id());
        }
        // The count went back down: a full window is accepted again.
        held.clear();
        List<CompletableFuture<Response>> again = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
          again.add(c.request(list));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (held.size() < limit && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertEquals(limit, held.size());
        held.forEach(f -> f.complete(empty));
        for (CompletableFuture<Response> f : again) {
          assertTrue(WsClient.await(f).isOk());
        }
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void anOpWithoutAHandlerIsUnknownOpNamedAsOnTheWire() throws Exception {
    try (DelegateStore store = DelegateStore.open(dir)) {
      String token = DelegateStore.newToken();
      store.createUser(DelegateStore.hashToken(token)).get();
      NodeServer server =
          new NodeServer(
              new NodeOptions(0, dir, null, List.of()),
              new StoreUserDirectory(store),
              new RequestDispatcher((connection, op) -> new CompletableFuture<>(), null),
              new ConnectionRegistry());
      server.start();
      try (WsClient c =
          WsClient.connect("ws://127.0.0.1:" + server.port() + "/v1/ws?token=" + token)) {
        Response r = WsClient.await(c.request(new Op.Get(new byte[32], false)));
        assertEquals(ErrorCodes.UNKNOWN_OP, r.errorCode());
        assertEquals("this node does not serve Get", r.errorMessage());
      } finally {
        server.stop();
      }
    }
  }
}
