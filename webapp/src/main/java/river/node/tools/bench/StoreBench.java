package river.node.tools.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import river.node.store.DelegateStore;
import river.node.store.Mutation;
import river.store.DelegateKeys;
import river.store.Envelope;

/**
 * Durable-write throughput of {@link DelegateStore}: N writer threads, each doing synchronous
 * read-modify-write updates and waiting for each acknowledgement before the next, for a fixed time.
 * Prints ops/s, writes per commit and latency. Each writer is its own user with one key and writes
 * rows of {@link #VALUE_BYTES}, as the CAS bench's clients do ({@link DelegateBench}), so the two
 * compare the same rows (it wrote 64-byte rows of one user before).
 *
 * <pre>
 * java -cp river-node.jar river.node.tools.bench.StoreBench [--data-dir D] [--seconds S] [--writers 1,32]
 * </pre>
 *
 * Without {@code --data-dir} it uses (and deletes) a temporary directory. The node's {@code bench}
 * command can call {@link #run}.
 */
public final class StoreBench {

  private StoreBench() {}

  /** The row a CAS bench client stores: its value in the current delegate's envelope. */
  static final int VALUE_BYTES = DelegateBench.VALUE_BYTES + Envelope.HEADER_SIZE;

  /** One measured configuration. */
  public record Result(
      int writers, long ops, double seconds, long commits, double p50Micros, double p99Micros) {
    public double opsPerSecond() {
      return ops / seconds;
    }

    public double opsPerCommit() {
      return commits == 0 ? 0 : (double) ops / commits;
    }
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = null;
    double seconds = 3;
    int[] writers = {1, 32};
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data-dir" -> dataDir = Path.of(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--writers" ->
            writers = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        default -> {
          System.err.println("usage: StoreBench [--data-dir D] [--seconds S] [--writers 1,32]");
          System.exit(2);
        }
      }
    }
    boolean temp = dataDir == null;
    Path dir = temp ? Files.createTempDirectory("river-store-bench") : dataDir;
    try {
      System.out.printf(
          "delegate store durable writes (SQLite WAL, synchronous=FULL, group commit), %d cores%n",
          Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "%8s %12s %10s %14s %10s %10s%n",
          "writers", "ops/s", "ops", "writes/commit", "p50 us", "p99 us");
      for (int w : writers) {
        Result r = run(dir, w, seconds);
        System.out.printf(
            "%8d %12.0f %10d %14.1f %10.0f %10.0f%n",
            r.writers(), r.opsPerSecond(), r.ops(), r.opsPerCommit(), r.p50Micros(), r.p99Micros());
      }
    } finally {
      if (temp) {
        deleteTree(dir);
      }
    }
  }

  /** Opens the store in {@code dir}, warms up for a second, then measures for {@code seconds}. */
  public static Result run(Path dir, int writers, double seconds) throws Exception {
    try (DelegateStore store = DelegateStore.open(dir)) {
      byte[] delegate = DelegateKeys.current();
      String user = "bench-" + writers;
      measure(store, delegate, user, writers, 1.0, null); // warm-up (JIT, WAL file growth)
      DelegateStore.Stats before = store.stats();
      long[][] lat = new long[writers][];
      long start = System.nanoTime();
      long ops = measure(store, delegate, user, writers, seconds, lat);
      double took = (System.nanoTime() - start) / 1e9;
      DelegateStore.Stats after = store.stats();
      long[] all = Arrays.stream(lat).flatMapToLong(Arrays::stream).sorted().toArray();
      double p50 = all.length == 0 ? 0 : all[all.length / 2] / 1e3;
      double p99 =
          all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, all.length * 0.99)] / 1e3;
      return new Result(writers, ops, took, after.commits() - before.commits(), p50, p99);
    }
  }

  private static long measure(
      DelegateStore store,
      byte[] delegate,
      String user,
      int writers,
      double seconds,
      long[][] latencies)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long[] counts = new long[writers];
    CountDownLatch go = new CountDownLatch(1);
    Thread[] threads = new Thread[writers];
    for (int t = 0; t < writers; t++) {
      int id = t;
      threads[t] =
          new Thread(
              () -> {
                byte[] key = ("bench " + id).getBytes(StandardCharsets.UTF_8);
                String writer = user + "-" + id;
                long[] lat = new long[1 << 16];
                int n = 0;
                try {
                  go.await();
                  while (!stop.get()) {
                    long t0 = System.nanoTime();
                    store
                        .update(
                            writer,
                            delegate,
                            key,
                            cur -> {
                              long next = (cur == null ? 0 : ByteBuffer.wrap(cur).getLong()) + 1;
                              byte[] v = new byte[VALUE_BYTES];
                              ByteBuffer.wrap(v).putLong(next);
                              return Mutation.put(v, null);
                            })
                        .get(60, TimeUnit.SECONDS);
                    if (n == lat.length) {
                      lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - t0;
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
                counts[id] = n;
                if (latencies != null) {
                  latencies[id] = Arrays.copyOf(lat, n);
                }
              },
              "bench-writer-" + t);
      threads[t].start();
    }
    go.countDown();
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a bench writer failed", failure.get());
    }
    return Arrays.stream(counts).sum();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
