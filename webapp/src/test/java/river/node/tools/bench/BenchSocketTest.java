package river.node.tools.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.TestNode;
import river.node.tools.WsClient;
import river.store.DelegateKeys;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.Request;
import river.wire.Response;

/**
 * The bench's own WebSocket client against a real node: answers of every frame length form (7-, 16-
 * and 64-bit lengths, so also answers that span many reads), CAS semantics as the node serves them,
 * and a refused upgrade is an error, not a hang.
 */
class BenchSocketTest {
  private static final byte[] DELEGATE = DelegateKeys.current();

  /** Collects answers on the loop's thread for the test thread. */
  private static final class Inbox implements BenchSocket.Answers {
    final LinkedBlockingQueue<Object> got = new LinkedBlockingQueue<>();

    @Override
    public void answer(Response response) {
      got.add(response);
    }

    @Override
    public void failed(Throwable cause) {
      got.add(cause);
    }

    DelegateResponse next() throws Exception {
      Object o = got.poll(30, TimeUnit.SECONDS);
      if (!(o instanceof Response r)) {
        throw new AssertionError("expected an answer, got " + o);
      }
      return WsClient.delegateResponse(r);
    }
  }

  @Test
  void casAndValuesOfEveryFrameLengthOverTheNode(@TempDir Path dir) throws Exception {
    try (TestNode n = new TestNode(dir);
        BenchSocket.Loop loop = new BenchSocket.Loop("test-bench-socket")) {
      Inbox inbox = new Inbox();
      BenchSocket s = BenchSocket.connect(URI.create(n.wsUrl(n.newProfile())), loop, inbox);
      byte[] key = "k".getBytes(StandardCharsets.UTF_8);
      long id = 1;
      long generation = 0;
      for (int size : new int[] {1, 200, 70_000, 200_000}) {
        byte[] value = new byte[size];
        for (int i = 0; i < size; i++) {
          value[i] = (byte) (i * 31 + size);
        }
        s.send(
            new Request(
                id++,
                new Op.Delegate(DELEGATE, new DelegateRequest.CasStore(key, value, generation))));
        CasStoreResult r = ((DelegateResponse.CasStore) inbox.next()).result();
        assertTrue(r instanceof CasStoreResult.Stored, "stored " + size + " bytes: " + r);
        generation = ((CasStoreResult.Stored) r).generation();
        s.send(new Request(id++, new Op.Delegate(DELEGATE, new DelegateRequest.Get(key))));
        assertArrayEquals(value, ((DelegateResponse.Get) inbox.next()).value(), size + " bytes");
      }
      s.send(
          new Request(
              id++,
              new Op.Delegate(
                  DELEGATE, new DelegateRequest.CasStore(key, new byte[] {1}, generation - 1))));
      CasStoreResult stale = ((DelegateResponse.CasStore) inbox.next()).result();
      assertTrue(stale instanceof CasStoreResult.Conflict, "a stale generation conflicts");
      assertEquals(generation, ((CasStoreResult.Conflict) stale).currentGeneration());
    }
  }

  @Test
  void refusedUpgradeIsAnError(@TempDir Path dir) throws Exception {
    try (TestNode n = new TestNode(dir);
        BenchSocket.Loop loop = new BenchSocket.Loop("test-bench-socket")) {
      IOException e =
          assertThrows(
              IOException.class,
              () -> BenchSocket.connect(URI.create(n.wsUrl("no-such-token")), loop, new Inbox()));
      assertTrue(e.getMessage().contains("refused the upgrade"), e.getMessage());
    }
  }

  @Test
  void acceptValueIsTheRfcExample() {
    assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", BenchSocket.accept("dGhlIHNhbXBsZSBub25jZQ=="));
  }
}
