package river.node.tools.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import river.node.Node;
import river.node.NodeOptions;
import river.node.store.DelegateStore;
import river.node.store.Mutation;
import river.node.store.PostgresDelegateStore;
import river.node.tools.WsClient;
import river.store.CasDecision;
import river.store.CasRule;
import river.store.DelegateKeys;
import river.wire.Event;

/**
 * The scale-out rows of the benchmark table: durable CAS throughput with N clients (each its own
 * user and key, CAS through {@link CasRule} exactly as the delegate host runs it, each answered
 * only once committed) on SQLite, on PostgreSQL with one node, and on PostgreSQL with two nodes
 * (two stores on one database, clients split); then the cross-node push latency: a CAS answered on
 * node one until the same user's connection on node two holds the {@code DelegateKeyChanged} push.
 *
 * <p>Usage: {@code ScaleOutBench --db jdbc:postgresql://... [--clients 32] [--seconds 5] [--pushes
 * 300]}. Without {@code --db} only the SQLite row runs. Every PostgreSQL row writes fresh users, so
 * one database can be reused.
 */
public final class ScaleOutBench {

  private ScaleOutBench() {}

  public static void main(String[] args) throws Exception {
    String db = null;
    int clients = 32;
    double seconds = 5;
    int pushes = 300;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--db" -> db = args[++i];
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--pushes" -> pushes = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<String> rows = new ArrayList<>();
    Path dir = Files.createTempDirectory("river-scaleout-bench");
    try (DelegateStore sqlite = DelegateStore.open(dir.resolve("sqlite"))) {
      rows.add(
          row(
              "durable CAS ops/s, " + clients + " clients, SQLite",
              casThroughput(List.of(sqlite), clients, seconds)));
    }
    if (db != null) {
      try (DelegateStore pg = PostgresDelegateStore.open(db)) {
        rows.add(
            row(
                "durable CAS ops/s, " + clients + " clients, PostgreSQL, one node",
                casThroughput(List.of(pg), clients, seconds)));
      }
      try (DelegateStore a = PostgresDelegateStore.open(db);
          DelegateStore b = PostgresDelegateStore.open(db)) {
        rows.add(
            row(
                "durable CAS ops/s, " + clients + " clients, PostgreSQL, two nodes (clients split)",
                casThroughput(List.of(a, b), clients, seconds)));
      }
      long[] p = pushLatencyMicros(db, dir, pushes);
      String line =
          String.format(
              "%-72s %8.2f / %.2f ms",
              "cross-node push latency p50 / p95 (" + pushes + " pushes)",
              p[0] / 1000.0,
              p[1] / 1000.0);
      System.out.println(line);
      rows.add(line);
    }
  }

  private static String row(String what, double value) {
    String line = String.format("%-72s %8.0f", what, value);
    System.out.println(line);
    return line;
  }

  /** Completed CAS per second, clients spread round-robin over {@code stores}. */
  static double casThroughput(List<DelegateStore> stores, int clients, double seconds)
      throws Exception {
    byte[] delegate = DelegateKeys.current();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    LongAdder done = new LongAdder();
    CountDownLatch go = new CountDownLatch(1);
    String run = Long.toHexString(System.nanoTime());
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      DelegateStore store = stores.get(c % stores.size());
      String user = "ubench" + run + "c" + c;
      byte[] key = "room:bench".getBytes(StandardCharsets.UTF_8);
      byte[] data = new byte[500]; // a room slot is a few hundred bytes
      Thread t =
          new Thread(
              () -> {
                long generation = 0;
                try {
                  go.await();
                  while (!stop.get()) {
                    long expected = generation;
                    CasDecision d =
                        store
                            .update(
                                user,
                                delegate,
                                key,
                                cur -> {
                                  CasDecision decision = CasRule.casStore(cur, expected, data);
                                  return decision.kind() == CasDecision.Kind.STORED
                                      ? Mutation.put(decision.bytesToStore(), decision)
                                      : Mutation.none(decision);
                                })
                            .get(60, TimeUnit.SECONDS);
                    if (d.kind() != CasDecision.Kind.STORED) {
                      throw new IllegalStateException("a client that owns its key met " + d.kind());
                    }
                    generation = d.generation();
                    done.increment();
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "bench-client-" + c);
      t.start();
      threads.add(t);
    }
    go.countDown();
    Thread.sleep(1000); // warm-up: connections, JIT, first inserts
    long start = System.nanoTime();
    long before = done.sum();
    Thread.sleep((long) (seconds * 1000));
    long ops = done.sum() - before;
    double took = (System.nanoTime() - start) / 1e9;
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a bench client failed", failure.get());
    }
    return ops / took;
  }

  /** p50 and p95, in microseconds, of write-on-node-one to push-on-node-two. */
  static long[] pushLatencyMicros(String db, Path dir, int pushes) throws Exception {
    try (Node one = Node.start(new NodeOptions(0, dir.resolve("one"), null, List.of(), db));
        Node two = Node.start(new NodeOptions(0, dir.resolve("two"), null, List.of(), db))) {
      String token = DelegateStore.newToken();
      one.store().createUser(DelegateStore.hashToken(token)).get(30, TimeUnit.SECONDS);
      try (WsClient writer =
              WsClient.connect("ws://127.0.0.1:" + one.port() + "/v1/ws?token=" + token);
          WsClient reader =
              WsClient.connect("ws://127.0.0.1:" + two.port() + "/v1/ws?token=" + token)) {
        byte[] key = "rooms_meta".getBytes(StandardCharsets.UTF_8);
        long[] micros = new long[pushes];
        for (int i = 0; i < pushes; i++) {
          long t0 = System.nanoTime();
          writer.cas(key, new byte[] {(byte) i}, i);
          while (true) {
            Event e = reader.nextPush(Duration.ofSeconds(10));
            if (e == null) {
              throw new IllegalStateException("no push on node two within 10 s");
            }
            if (e instanceof Event.DelegateKeyChanged k && k.generation() == i + 1) {
              break;
            }
          }
          micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        return new long[] {micros[pushes / 2], micros[(int) (pushes * 0.95)]};
      }
    }
  }
}
