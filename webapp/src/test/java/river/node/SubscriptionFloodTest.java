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
import river.node.ws.RequestDispatcher;
import river.wire.ErrorCodes;
import river.wire.Op;
import river.wire.Response;

/**
 * The memory half of "bounded work per connection": a node in its own JVM with a 256 MiB heap,
 * one connection flooding it with 700,000 subscriptions (Subscribe, and Get with subscribe) for
 * random rooms that do not exist
 * (pipelined as fast as the answers come back, within the node's in-flight window). Before the
 * caps, each such subscription pinned a few hundred bytes for as long as the connection lived,
 * and ~670,000 of them ran the node out of memory. Now past the connection's cap each is answered
 * {@code too_large} and nothing is kept; the node never runs out of memory, and another user's
 * connection gets its Pong and its answers within 2 s all the while.
 */
class SubscriptionFloodTest {
  static final int FLOOD = 700_000;
  static final long LATENCY_LIMIT_MS = 2_000;

  @TempDir
  Path dir;
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

  /** {@code java -Xmx256m -cp <test classpath> river.node.Main --port 0 --data-dir D}; its URL once ready. */
  String startNode() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--port", "0", "--data-dir", dir.resolve("data").toString()));
    node = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          nodeOutput.append(line).append('\n');
          if (line.startsWith("listening on ")) {
            ready.complete(line.substring("listening on ".length()).trim());
          }
        }
      } catch (Exception e) {
        // the node went away
      }
      ready.completeExceptionally(new IllegalStateException("the node exited: " + nodeOutput));
    }, "flood-node-output");
    reader.setDaemon(true);
    reader.start();
    return ready.get(60, TimeUnit.SECONDS);
  }

  static String newProfile(HttpClient http, String base) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "v1/profiles"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
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

  @Test
  void oneConnectionFloodingSubscriptionsCannotRunTheNodeOutOfMemory() throws Exception {
    String base = startNode();
    String ws = base.replace("http://", "ws://") + "v1/ws?token=";
    HttpClient http = HttpClient.newHttpClient();
    String flooderToken = newProfile(http, base);
    String otherToken = newProfile(http, base);
    Random random = new Random(42);

    try (WsClient flooder = WsClient.connect(ws + flooderToken); WsClient other = WsClient.connect(ws + otherToken)) {
      // Another user, pinging and asking for a room every 100 ms while the flood runs.
      AtomicBoolean flooding = new AtomicBoolean(true);
      LongAccumulator worst = new LongAccumulator(Math::max, 0);
      AtomicLong probes = new AtomicLong();
      CompletableFuture<Void> observer = CompletableFuture.runAsync(() -> {
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

      // The flood: pipelined, at most the node's in-flight window outstanding, refilled as answers come.
      Semaphore window = new Semaphore(RequestDispatcher.MAX_IN_FLIGHT);
      ConcurrentHashMap<String, AtomicLong> answers = new ConcurrentHashMap<>();
      long started = System.nanoTime();
      for (int i = 0; i < FLOOD; i++) {
        if (!window.tryAcquire(10, TimeUnit.SECONDS)) {
          throw new AssertionError("the node stopped answering after " + i + " requests: " + tail(nodeOutput));
        }
        // Both ways to subscribe: Subscribe, and a Get that subscribes (one in eight).
        Op op = i % 8 == 7 ? new Op.Get(randomRoom(random), true) : new Op.Subscribe(randomRoom(random));
        flooder.request(op).whenComplete((r, e) -> {
          String kind = e != null ? "failed: " + e : r.isOk() ? "ok" : r.errorCode();
          answers.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
          window.release();
        });
      }
      assertTrue(window.tryAcquire(RequestDispatcher.MAX_IN_FLIGHT, 30, TimeUnit.SECONDS), "every answer came");
      long floodMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      flooding.set(false);
      observer.get(30, TimeUnit.SECONDS);

      System.out.println("subscription flood: " + FLOOD + " requests in " + floodMs + " ms, answers " + answers
          + "; other user's worst round trip " + worst.get() + " ms over " + probes.get() + " probes");
      assertFalse(nodeOutput.toString().contains("OutOfMemoryError"), tail(nodeOutput));
      assertTrue(node.isAlive(), "the node is still running");
      assertTrue(worst.get() < LATENCY_LIMIT_MS, "the other user waited " + worst.get() + " ms");
      assertEquals(FLOOD, answers.values().stream().mapToLong(AtomicLong::get).sum(), answers.toString());
      // Under the connection's cap a Subscribe is ok and a Get of a room never put "invalid" (it subscribes all the same).
      long subscribed = answers.get("ok").get() + answers.getOrDefault(ErrorCodes.INVALID, new AtomicLong()).get();
      assertEquals(1024, subscribed, "the connection's cap: " + answers);
      assertEquals(FLOOD - 1024, answers.get(ErrorCodes.TOO_LARGE).get(), answers.toString());

      // Still serving both: the flooder's own connection and the other user's.
      assertTrue(timed(other, Op.PING) < LATENCY_LIMIT_MS);
      assertTrue(other.request(new Op.Subscribe(randomRoom(random))).get(10, TimeUnit.SECONDS).isOk(),
          "the other user's subscriptions are not taken by the flood");
      assertTrue(flooder.request(Op.PING).get(10, TimeUnit.SECONDS).isOk());
    }
  }

  static String tail(CharSequence s) {
    return s.length() <= 4000 ? s.toString() : "..." + s.subSequence(s.length() - 4000, s.length());
  }
}
