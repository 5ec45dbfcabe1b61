package river.node.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.TestNode.utf8;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.Request;
import river.wire.Response;
import river.wire.WireCodec;

/**
 * Many requests in flight on one connection, answered by id; a client that stops reading stalls
 * nobody else.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DelegatePipelineTest {
  @Parameter StoreKind kind;

  @TempDir Path dir;
  TestNode node;

  @BeforeEach
  void start() throws Exception {
    node = new TestNode(dir, kind);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void twoHundredRequestsSentWithoutWaitingAreEachAnsweredUnderTheirId() throws Exception {
    try (WsClient c = node.connectNewProfile()) {
      int n = 200;
      List<CompletableFuture<Response>> answers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        DelegateRequest msg =
            i % 2 == 0
                ? new DelegateRequest.CasStore(utf8("key-" + i), utf8("value-" + i), 0)
                : new DelegateRequest.GetVersioned(utf8("key-" + (i - 1)));
        answers.add(c.request(1000 + i, new Op.Delegate(DelegateKeys.current(), msg)));
      }
      for (int i = 0; i < n; i++) {
        Response r = WsClient.await(answers.get(i));
        assertEquals(1000 + i, r.id());
        DelegateResponse d = WsClient.delegateResponse(r);
        if (i % 2 == 0) {
          DelegateResponse.CasStore cas = (DelegateResponse.CasStore) d;
          assertArrayEquals(utf8("key-" + i), cas.key());
          assertEquals(1, ((CasStoreResult.Stored) cas.result()).generation());
        } else {
          assertArrayEquals(utf8("key-" + (i - 1)), ((DelegateResponse.GetVersioned) d).key());
        }
      }
      assertEquals(n / 2, c.list().size());
      for (int i = 0; i < n; i += 2) {
        assertArrayEquals(utf8("value-" + i), c.get(utf8("key-" + i)));
      }
    }
  }

  @Test
  void pipelinedWritesOfOneConnectionApplyInTheOrderSent() throws Exception {
    try (WsClient c = node.connectNewProfile()) {
      List<CompletableFuture<DelegateResponse>> answers = new ArrayList<>();
      for (int g = 0; g < 100; g++) {
        answers.add(
            c.delegateAsync(new DelegateRequest.CasStore(utf8("counter"), utf8("v" + (g + 1)), g)));
      }
      for (int g = 0; g < 100; g++) {
        DelegateResponse.CasStore cas = (DelegateResponse.CasStore) WsClient.await(answers.get(g));
        assertEquals(g + 1, ((CasStoreResult.Stored) cas.result()).generation());
      }
      assertEquals(100, c.getVersioned(utf8("counter")).generation());
    }
  }

  @Test
  void aClientThatStopsReadingDoesNotStallOtherConnections() throws Exception {
    String slowToken = node.newProfile();
    try (WsClient setup = WsClient.connect(node.wsUrl(slowToken))) {
      setup.store(utf8("big"), new byte[200 * 1024]);
    }
    try (Socket slow = new Socket()) {
      slow.setReceiveBufferSize(4096);
      slow.connect(new InetSocketAddress("127.0.0.1", node.node.port()));
      OutputStream out = slow.getOutputStream();
      out.write(
          ("GET /v1/ws?token="
                  + slowToken
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + node.node.port()
                  + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  + "Sec-WebSocket-Version: 13\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      readHeaders(slow.getInputStream());
      // 60 reads of a 200 KiB value: 12 MB of answers that this client never reads.
      for (int i = 0; i < 60; i++) {
        byte[] req =
            WireCodec.encodeRequest(
                new Request(
                    i + 1,
                    new Op.Delegate(DelegateKeys.current(), new DelegateRequest.Get(utf8("big")))));
        out.write(maskedBinaryFrame(req));
      }
      out.flush();
      Thread.sleep(300);

      try (WsClient fast = node.connectNewProfile()) {
        long start = System.nanoTime();
        long worst = 0;
        for (int g = 0; g < 200; g++) {
          long t0 = System.nanoTime();
          CasStoreResult r = fast.cas(utf8("k"), utf8("v" + g), g).result();
          worst = Math.max(worst, System.nanoTime() - t0);
          assertEquals(g + 1, ((CasStoreResult.Stored) r).generation());
        }
        long totalMs = (System.nanoTime() - start) / 1_000_000;
        // Generous bounds (shared 2-core machines): a stall would last until the slow client reads,
        // i.e. forever.
        assertTrue(worst < 5_000_000_000L, "an op took " + worst / 1_000_000 + " ms");
        assertTrue(totalMs < 30_000, "200 CAS took " + totalMs + " ms");
      }
    }
  }

  private static void readHeaders(InputStream in) throws Exception {
    StringBuilder sb = new StringBuilder();
    while (!sb.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IllegalStateException("closed during the handshake: " + sb);
      }
      sb.append((char) c);
    }
    assertTrue(sb.toString().startsWith("HTTP/1.1 101"), sb.toString());
  }

  /** A client frame: FIN + binary, masked with a zero key (so the payload is unchanged). */
  private static byte[] maskedBinaryFrame(byte[] payload) {
    java.io.ByteArrayOutputStream f = new java.io.ByteArrayOutputStream();
    f.write(0x82);
    int n = payload.length;
    if (n < 126) {
      f.write(0x80 | n);
    } else if (n < 65536) {
      f.write(0x80 | 126);
      f.write(n >>> 8);
      f.write(n & 0xFF);
    } else {
      f.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        f.write((int) ((long) n >>> (8 * i)) & 0xFF);
      }
    }
    f.write(0);
    f.write(0);
    f.write(0);
    f.write(0);
    f.writeBytes(payload);
    return f.toByteArray();
  }
}
