package river.node.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import river.node.Node;
import river.node.NodeOptions;
import river.node.tools.WsClient;
import river.node.tools.inspect.DelegateInspect;
import river.store.DelegateKeys;
import river.wire.CasStoreResult;
import river.wire.DelegateRequest;
import river.wire.DelegateResponse;
import river.wire.Op;
import river.wire.Request;
import river.wire.Response;

/**
 * {@code bench [--clients 32] [--seconds 5] [--warmup 3] [--port P]}: durable CAS throughput and
 * latency of the chat delegate, end to end over real WebSockets. Each client is its own user (its
 * own profile) on its own connection, and loops on its own key: one GetVersioned, then CasStore
 * with the last generation it got, one request at a time; every Stored answer means a durable
 * commit. The first {@code --warmup} seconds (3) are not measured. Runs with K clients, then with
 * 1. Without {@code --port} it starts a node in-process on a temporary data directory (deleted
 * afterwards).
 */
public final class DelegateBench {
  /**
   * Not measured: lets the JIT compile the hot paths of node and clients first (profiling a fresh
   * node showed C2 still taking half the CPU 3 to 7 seconds in, on a busy 2-core machine).
   */
  static final int DEFAULT_WARMUP_SECONDS = 3;

  private DelegateBench() {}

  /** The data each CasStore writes (the store ceiling writes rows of the same size). */
  static final int VALUE_BYTES = 200;

  public record Result(
      int clients, double seconds, long ops, long conflicts, long p50Nanos, long p99Nanos) {
    public double opsPerSecond() {
      return ops / seconds;
    }
  }

  public static int run(String[] args, PrintStream out) throws Exception {
    int clients = 32;
    int seconds = 5;
    int port = -1;
    int warmup = DEFAULT_WARMUP_SECONDS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--clients" ->
            clients = positive(DelegateInspect.value(args, ++i, "--clients"), "--clients");
        case "--seconds" ->
            seconds = positive(DelegateInspect.value(args, ++i, "--seconds"), "--seconds");
        case "--warmup" -> warmup = Integer.parseInt(DelegateInspect.value(args, ++i, "--warmup"));
        case "--port" -> port = positive(DelegateInspect.value(args, ++i, "--port"), "--port");
        default -> throw new IllegalArgumentException("unknown option for bench: " + args[i]);
      }
    }
    Path tmp = null;
    Node node = null;
    try {
      if (port < 0) {
        tmp = Files.createTempDirectory("river-bench");
        node = Node.start(new NodeOptions(0, tmp, null, List.of()));
        port = node.port();
        out.println("node: in-process on " + tmp + " (port " + port + ")");
      } else {
        out.println("node: 127.0.0.1:" + port);
      }
      out.println(
          "workload: durable CasStore over WebSocket; each client its own user, connection and key;"
              + " one request in flight per client (sent on the previous answer); "
              + seconds
              + " s measured after "
              + warmup
              + " s warm-up; "
              + Runtime.getRuntime().availableProcessors()
              + " cores");
      out.println(
          String.format(
              "%8s %10s %10s %10s %10s %10s",
              "clients", "ops", "ops/s", "p50 ms", "p99 ms", "conflicts"));
      for (int k : clients == 1 ? new int[] {1} : new int[] {clients, 1}) {
        Result r = runOnce(port, k, seconds, warmup);
        out.println(
            String.format(
                "%8d %10d %10.0f %10.2f %10.2f %10d",
                r.clients(),
                r.ops(),
                r.opsPerSecond(),
                r.p50Nanos() / 1e6,
                r.p99Nanos() / 1e6,
                r.conflicts()));
        out.flush();
      }
      return 0;
    } finally {
      if (node != null) {
        node.close();
      }
      if (tmp != null) {
        deleteTree(tmp);
      }
    }
  }

  public static Result runOnce(int port, int clients, int seconds, int warmup) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
    long end = warmupEnd + seconds * 1_000_000_000L;
    AtomicLong conflicts = new AtomicLong();
    long[][] latencies = new long[clients][];
    int[] counts = new int[clients];
    CountDownLatch done = new CountDownLatch(clients);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    try (BenchSocket.Loop sockets = new BenchSocket.Loop("bench-clients")) {
      List<CasLoop> loops = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        CasLoop l = new CasLoop(i, warmupEnd, end, conflicts, latencies, counts, failures, done);
        l.socket =
            BenchSocket.connect(
                URI.create("ws://127.0.0.1:" + port + "/v1/ws?token=" + newProfile(http, port)),
                sockets,
                l);
        loops.add(l);
      }
      loops.forEach(CasLoop::start);
      done.await();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a bench client failed: " + failures.get(0), failures.get(0));
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int i = 0; i < clients; i++) {
      System.arraycopy(latencies[i], 0, all, at, counts[i]);
      at += counts[i];
    }
    Arrays.sort(all);
    long p50 = total == 0 ? 0 : all[(int) Math.min(total - 1, Math.floor(total * 0.50))];
    long p99 = total == 0 ? 0 : all[(int) Math.min(total - 1, Math.floor(total * 0.99))];
    return new Result(clients, seconds, total, conflicts.get(), p50, p99);
  }

  /**
   * One client's CAS loop, driven by answers rather than a blocked thread: each answer sends the
   * next request from the clients' one socket thread ({@link BenchSocket.Loop}), so the client side
   * costs no thread wake-up per operation (the node is what is being measured).
   */
  private static final class CasLoop implements BenchSocket.Answers {
    private static final byte[] DELEGATE = DelegateKeys.current();
    final int me;
    final long warmupEnd;
    final long end;
    final AtomicLong conflicts;
    final long[][] latencies;
    final int[] counts;
    final List<Throwable> failures;
    final CountDownLatch done;
    final byte[] key;
    final byte[] value = new byte[VALUE_BYTES];
    BenchSocket socket;
    long[] lat = new long[1 << 14];
    int n;
    long g;
    long nextId = 1;
    long t0;
    boolean first = true;
    boolean finished;

    CasLoop(
        int me,
        long warmupEnd,
        long end,
        AtomicLong conflicts,
        long[][] latencies,
        int[] counts,
        List<Throwable> failures,
        CountDownLatch done) {
      this.me = me;
      this.warmupEnd = warmupEnd;
      this.end = end;
      this.conflicts = conflicts;
      this.latencies = latencies;
      this.counts = counts;
      this.failures = failures;
      this.done = done;
      this.key = ("bench " + me).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the key's generation first; every answer after that sends the next CasStore. */
    synchronized void start() {
      socket.send(
          new Request(nextId, new Op.Delegate(DELEGATE, new DelegateRequest.GetVersioned(key))));
    }

    @Override
    public synchronized void answer(Response r) {
      long t1 = System.nanoTime();
      if (finished) {
        return;
      }
      if (r.id() != nextId) {
        finish(new IllegalStateException("answer to request " + r.id() + ", expected " + nextId));
        return;
      }
      DelegateResponse d;
      try {
        d = WsClient.delegateResponse(r);
      } catch (RuntimeException e) {
        finish(e);
        return;
      }
      if (first) {
        first = false;
        g = ((DelegateResponse.GetVersioned) d).generation();
      } else {
        CasStoreResult res = ((DelegateResponse.CasStore) d).result();
        if (res instanceof CasStoreResult.Stored s) {
          g = s.generation();
          if (t0 >= warmupEnd) {
            if (n == lat.length) {
              lat = Arrays.copyOf(lat, n * 2);
            }
            lat[n++] = t1 - t0;
          }
        } else if (res instanceof CasStoreResult.Conflict cf) {
          conflicts.incrementAndGet();
          g = cf.currentGeneration();
        } else {
          finish(new IllegalStateException("CAS failed: " + res));
          return;
        }
      }
      t0 = System.nanoTime();
      if (t0 >= end) {
        finish(null);
        return;
      }
      value[0] = (byte) g;
      nextId++;
      socket.send(
          new Request(
              nextId, new Op.Delegate(DELEGATE, new DelegateRequest.CasStore(key, value, g))));
    }

    @Override
    public synchronized void failed(Throwable cause) {
      if (!finished) {
        finish(cause);
      }
    }

    private void finish(Throwable failure) {
      finished = true;
      if (failure != null) {
        failures.add(failure);
      }
      latencies[me] = lat;
      counts[me] = n;
      done.countDown();
    }
  }

  private static String newProfile(HttpClient http, int port) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/profiles"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IOException("creating a bench profile answered " + r.statusCode());
    }
    return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }

  private static int positive(String s, String option) {
    try {
      int v = Integer.parseInt(s);
      if (v <= 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a positive number, got " + s);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: it is a temp directory
    }
  }
}
