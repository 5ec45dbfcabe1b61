package river.node.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.store.DelegateStore;
import river.node.ws.ClientConnection;
import river.node.ws.ConnectionRegistry;
import river.node.ws.FrameHandler;
import river.wire.Op;

/** Subscriptions end with their connection. */
class ContractHostTest {
  @TempDir
  Path dir;

  @Test
  void closingAConnectionDropsItsSubscriptions() throws Exception {
    try (DelegateStore store = DelegateStore.open(dir)) {
      ContractHost host = new ContractHost(store);
      FrameHandler none = new FrameHandler() {
        @Override
        public void onBinary(ClientConnection c, byte[] frame) {}

        @Override
        public void onText(ClientConnection c, String text) {}

        @Override
        public void onClose(ClientConnection c) {}
      };
      ClientConnection a = new ClientConnection("u1", none, new ConnectionRegistry());
      ClientConnection b = new ClientConnection("u2", none, new ConnectionRegistry());
      host.handle(a, new Op.Subscribe(new byte[32])).toCompletableFuture().join();
      host.handle(a, new Op.Subscribe(new byte[32])).toCompletableFuture().join();
      host.handle(a, new Op.Subscribe(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
          15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}))
          .toCompletableFuture().join();
      host.handle(b, new Op.Subscribe(new byte[32])).toCompletableFuture().join();
      assertEquals(3, host.subscriptionCount());
      host.onClose(a);
      assertEquals(1, host.subscriptionCount());
      host.onClose(b);
      assertEquals(0, host.subscriptionCount());
    }
  }
}
