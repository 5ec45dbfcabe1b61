package river.node.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.store.DelegateStore;
import river.node.ws.ClientConnection;
import river.node.ws.ConnectionRegistry;
import river.node.ws.FrameHandler;
import river.room.RoomState;
import river.wire.Op;

/** The contract host's memory is bounded: recent room states only, and no bookkeeping for idle rooms. */
class RecentRoomsTest {
  @TempDir
  Path dir;

  @Test
  void keepsTheMostRecentlyUsedRoomsUpToItsCapacity() {
    RecentRooms rooms = new RecentRooms(2);
    RoomState a = RoomState.empty(new byte[32]);
    RoomState b = RoomState.empty(new byte[32]);
    RoomState c = RoomState.empty(new byte[32]);
    rooms.put("a", a);
    rooms.put("b", b);
    assertSame(a, rooms.get("a")); // a is now the most recent
    rooms.put("c", c);
    assertEquals(2, rooms.size());
    assertNull(rooms.get("b"), "the least recently used room fell out");
    assertSame(a, rooms.get("a"));
    assertSame(c, rooms.get("c"));
  }

  @Test
  void aRoomWithNothingInFlightKeepsNoEntryAndReadsGoThroughABoundedCache() throws Exception {
    try (DelegateStore store = DelegateStore.open(dir)) {
      ContractHost host = new ContractHost(store, 3);
      FrameHandler none = new FrameHandler() {
        @Override
        public void onBinary(ClientConnection c, byte[] frame) {}

        @Override
        public void onText(ClientConnection c, String text) {}

        @Override
        public void onClose(ClientConnection c) {}
      };
      ClientConnection a = new ClientConnection("u1", none, new ConnectionRegistry());
      for (int i = 0; i < 10; i++) {
        byte[] key = new byte[32];
        key[0] = (byte) i;
        // never put: "no such room", but each is read (and cached) once
        assertThrows(CompletionException.class, () -> host.handle(a, new Op.Get(key, false)).toCompletableFuture().join());
      }
      assertEquals(3, host.cachedRooms());
      long deadline = System.currentTimeMillis() + 5000;
      while (host.roomsInFlight() > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(0, host.roomsInFlight());
    }
  }
}
