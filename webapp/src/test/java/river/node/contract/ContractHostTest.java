package river.node.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.store.DelegateStore;
import river.node.ws.ClientConnection;
import river.node.ws.ConnectionRegistry;
import river.node.ws.FrameHandler;
import river.wire.Op;

/**
 * Subscriptions end with their connection; memory is bounded and idle rooms keep no bookkeeping.
 */
class ContractHostTest {
  @TempDir Path dir;

  /** A connection whose frames go nowhere: these tests look at the host, not at what it sends. */
  static ClientConnection connection(String user) {
    FrameHandler none =
        new FrameHandler() {
          @Override
          public void onBinary(ClientConnection c, byte[] frame) {}

          @Override
          public void onText(ClientConnection c, String text) {}

          @Override
          public void onClose(ClientConnection c) {}
        };
    return new ClientConnection(user, none, new ConnectionRegistry());
  }

  @Test
  void aRoomWithNothingInFlightKeepsNoEntryAndReadsGoThroughABoundedCache() throws Exception {
    try (DelegateStore store = DelegateStore.open(dir)) {
      ContractHost host = new ContractHost(store, 3);
      ClientConnection a = connection("u1");
      for (int i = 0; i < 10; i++) {
        byte[] key = new byte[32];
        key[0] = (byte) i;
        // never put: "no such room", but each is read (and cached) once
        assertThrows(
            CompletionException.class,
            () -> host.handle(a, new Op.Get(key, false)).toCompletableFuture().join());
      }
      assertEquals(3, host.cachedRooms());
      long deadline = System.currentTimeMillis() + 5000;
      while (host.roomsInFlight() > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(0, host.roomsInFlight());
    }
  }

  @Test
  void closingAConnectionDropsItsSubscriptions() throws Exception {
    try (DelegateStore store = DelegateStore.open(dir)) {
      ContractHost host = new ContractHost(store);
      ClientConnection a = connection("u1");
      ClientConnection b = connection("u2");
      host.handle(a, new Op.Subscribe(new byte[32])).toCompletableFuture().join();
      host.handle(a, new Op.Subscribe(new byte[32])).toCompletableFuture().join();
      host.handle(
              a,
              new Op.Subscribe(
                  new byte[] {
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                    23, 24, 25, 26, 27, 28, 29, 30, 31, 32
                  }))
          .toCompletableFuture()
          .join();
      host.handle(b, new Op.Subscribe(new byte[32])).toCompletableFuture().join();
      assertEquals(3, host.subscriptionCount());
      host.onClose(a);
      assertEquals(1, host.subscriptionCount());
      host.onClose(b);
      assertEquals(0, host.subscriptionCount());
    }
  }
}
