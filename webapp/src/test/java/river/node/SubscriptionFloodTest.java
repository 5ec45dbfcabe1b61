package river.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.tools.WsClient;
import river.node.ws.RequestDispatcher;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.Response;

/**
 * The memory half of "bounded work per connection": a node in its own JVM with a 256 MiB heap, one
 * connection flooding it with 700,000 subscriptions (Subscribe, and Get with subscribe) for random
 * rooms that do not exist (pipelined as fast as the answers come back, within the node's in-flight
 * window). Before the caps, each such subscription pinned a few hundred bytes for as long as the
 * connection lived, and ~670,000 of them ran the node out of memory. Now past the connection's cap
 * each is answered {@code too_large} and nothing is kept. Then 98 more connections fill the node's
 * cap (100,000 subscriptions held, in 256 MiB). The node never runs out of memory, and another
 * user's connection gets its Pong and its answers within 2 s all the while.
 */
class SubscriptionFloodTest {
  static final int FLOOD = 700_000;
  static final long LATENCY_LIMIT_MS = 2_000;

  @TempDir Path dir;
  Process node;
  final StringBuffer nodeOutput = new StringBuffer();

  @AfterEach
  void stopNode() throws Exception {
    if (node != null) {
      node.destroy();
      if (!node.waitFor(20, TimeUnit.SECONDS)) {
        node.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * {@code java -Xmx256m -cp <test classpath> river.node.Main --port 0 --data-dir D}; its URL once
   * ready.
   */
  String startNode() throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--port",
                "0",
                "--data-dir",
                dir.resolve("data").toString()));
    node = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  nodeOutput.append(line).append('\n');
                  if (line.startsWith("listening on ")) {
                    ready.complete(line.substring("listening on ".length()).trim());
                  }
                }
              } catch (Exception e) {
                // the node went away
              }
              ready.completeExceptionally(
                  new IllegalStateException("the node exited: " + nodeOutput));
            },
            "flood-node-output");
    reader.setDaemon(true);
    reader.start();
    return ready.get(60, TimeUnit.SECONDS);
  }

  static String newProfile(HttpClient http, String base) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "v1/profiles"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode(), r.body());
    return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }

  static byte[] randomRoom(Random random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return key;
  }

  /** Round-trip time of {@code op} on {@code c}, in ms; the answer must come. */
  static long timed(WsClient c, Op op) throws Exception {
    long start = System.nanoTime();
    Response r = c.request(op).get(30, TimeUnit.SECONDS);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(r.isOk() || r.errorCode() != null, "answered");
    return ms;
  }

  /**
   * Sends {@code n} subscriptions for random rooms on {@code c}, pipelined: at most the node's
   * in-flight window outstanding, refilled as answers come; counts the answers by kind.
   */
  void flood(WsClient c, int n, Random random, Map<String, AtomicLong> answers) throws Exception {
    Semaphore window = new Semaphore(RequestDispatcher.MAX_IN_FLIGHT);
    for (int i = 0; i < n; i++) {
      if (!window.tryAcquire(10, TimeUnit.SECONDS)) {
        throw new AssertionError(
            "the node stopped answering after " + i + " requests: " + tail(nodeOutput));
      }
      // Both ways to subscribe: Subscribe, and a Get that subscribes (one in eight).
      Op op =
          i % 8 == 7 ? new Op.Get(randomRoom(random), true) : new Op.Subscribe(randomRoom(random));
      c.request(op)
          .whenComplete(
              (r, e) -> {
                // Under a cap a Subscribe is ok, and a Get of a room never put "invalid" (it
                // subscribes all the same).
                String kind =
                    e != null
                        ? "failed: " + e
                        : r.isOk() || ErrorCodes.INVALID.equals(r.errorCode())
                            ? "subscribed"
                            : r.errorCode();
                answers.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                window.release();
              });
    }
    assertTrue(
        window.tryAcquire(RequestDispatcher.MAX_IN_FLIGHT, 30, TimeUnit.SECONDS),
        "every answer came");
  }

  static long count(Map<String, AtomicLong> answers, String kind) {
    AtomicLong n = answers.get(kind);
    return n == null ? 0 : n.get();
  }

  @Test
  void oneConnectionFloodingSubscriptionsCannotRunTheNodeOutOfMemory() throws Exception {
    String base = startNode();
    String ws = base.replace("http://", "ws://") + "v1/ws?token=";
    HttpClient http = HttpClient.newHttpClient();
    String flooderToken = newProfile(http, base);
    String otherToken = newProfile(http, base);
    Random random = new Random(42);

    try (WsClient flooder = WsClient.connect(ws + flooderToken);
        WsClient other = WsClient.connect(ws + otherToken)) {
      // Another user, pinging and asking for a room every 100 ms while the floods run.
      AtomicBoolean flooding = new AtomicBoolean(true);
      LongAccumulator worst = new LongAccumulator(Math::max, 0);
      AtomicLong probes = new AtomicLong();
      CompletableFuture<Void> observer =
          CompletableFuture.runAsync(
              () -> {
                Random own = new Random(7);
                try {
                  while (flooding.get()) {
                    worst.accumulate(timed(other, Op.PING));
                    worst.accumulate(timed(other, new Op.Get(randomRoom(own), false)));
                    probes.incrementAndGet();
                    Thread.sleep(100); // pacing, not waiting for anything
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      // 1. One connection: 700,000 subscriptions.
      Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
      long started = System.nanoTime();
      flood(flooder, FLOOD, random, answers);
      long floodMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertEquals(
          FLOOD, answers.values().stream().mapToLong(AtomicLong::get).sum(), answers.toString());
      assertEquals(1024, count(answers, "subscribed"), "the connection's cap: " + answers);
      assertEquals(FLOOD - 1024, count(answers, ErrorCodes.TOO_LARGE), answers.toString());
      assertTrue(
          send(other, new Op.Subscribe(randomRoom(random))).isOk(),
          "the other user's subscriptions are not taken by the flood");

      // 2. The node's cap: 98 more connections of the same user, 1,024 each, hold what the node
      // allows.
      Map<String, AtomicLong> more = new ConcurrentHashMap<>();
      List<WsClient> many = new ArrayList<>();
      try {
        for (int i = 0; i < 98; i++) {
          WsClient c = WsClient.connect(ws + flooderToken);
          many.add(c);
          flood(c, 1024, random, more);
        }
        long held = 1024 + 1 + count(more, "subscribed");
        assertEquals(100_000, held, "the node's cap: " + more);
        assertEquals(
            98 * 1024 - count(more, "subscribed"),
            count(more, ErrorCodes.TOO_LARGE),
            more.toString());
        Response full = send(other, new Op.Subscribe(randomRoom(random)));
        assertEquals(ErrorCodes.TOO_LARGE, full.errorCode(), "the node is full");
        assertTrue(
            full.errorMessage().contains("this node already follows 100000 rooms"),
            full.errorMessage());
      } finally {
        many.forEach(WsClient::close);
      }
      flooding.set(false);
      observer.get(30, TimeUnit.SECONDS);

      System.out.println(
          "subscription flood: "
              + FLOOD
              + " requests on one connection in "
              + floodMs
              + " ms, answers "
              + answers
              + "; then 98 connections x 1024: "
              + more
              + "; other user's worst round trip "
              + worst.get()
              + " ms over "
              + probes.get()
              + " probes");
      assertFalse(nodeOutput.toString().contains("OutOfMemoryError"), tail(nodeOutput));
      assertTrue(node.isAlive(), "the node is still running");
      assertTrue(worst.get() < LATENCY_LIMIT_MS, "the other user waited " + worst.get() + " ms");

      // Still serving both users; the closed connections gave their share back.
      assertTrue(timed(other, Op.PING) < LATENCY_LIMIT_MS);
      assertTrue(send(flooder, Op.PING).isOk());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!send(other, new Op.Subscribe(randomRoom(random))).isOk()) {
        assertTrue(
            System.nanoTime() < deadline, "the closed connections' subscriptions were released");
        Thread.sleep(10);
      }
    }
  }

  static Response send(WsClient c, Op op) throws Exception {
    return c.request(op).get(10, TimeUnit.SECONDS);
  }

  static String tail(CharSequence s) {
    return s.length() <= 4000 ? s.toString() : "..." + s.subSequence(s.length() - 4000, s.length());
  }
}
