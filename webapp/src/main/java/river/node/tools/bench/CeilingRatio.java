package river.node.tools.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The store's raw ceiling, and the node's CAS throughput as a fraction of it (issue 18). The
 * ceiling is the node's own SQLite store ({@link StoreBench}: the same writer thread and group
 * commit, WAL, {@code synchronous=FULL}) called in-process by as many writer threads as the CAS
 * bench had clients, each its own user and key writing rows of the CAS bench's size: no network, no
 * protocol, no CAS rule. Hazard: on these machines the disk's commit speed drifts within minutes
 * (one sitting measured the ceiling at 23,600 and 40,300 writes/s), far more than the node's
 * throughput does, so one ceiling set against one node run measures the drift. The ratio is
 * therefore the median of {@link #PAIRS} pairs, each a node run with the ceiling measured right
 * after it, and the note lists every pair.
 */
final class CeilingRatio {
  /** Node run and ceiling run, alternated this many times for the ratio. */
  static final int PAIRS = 3;

  private CeilingRatio() {}

  /**
   * Adds the ceiling rows (as many writers as the clients, and 1) and the ratio row. {@code
   * nodeOps}: the node's throughput at {@code o.clients} just measured, the first pair's node run.
   */
  static void measure(
      BenchReport report, Path tmp, BenchSuite.Options o, int port, double nodeOps, PrintStream log)
      throws Exception {
    double[] ratios = new double[PAIRS];
    StringBuilder pairs = new StringBuilder();
    for (int i = 0; i < PAIRS; i++) {
      if (i > 0) {
        log.println("durable CAS throughput, " + o.clients + " clients, pair " + (i + 1) + " ...");
        nodeOps = DelegateBench.runOnce(port, o.clients, o.seconds, o.warmup).opsPerSecond();
      }
      double ceiling =
          i == 0
              ? ceiling(report, tmp, o.clients, o, log)
              : run(tmp, o.clients, o, log).opsPerSecond();
      ratios[i] = 100 * nodeOps / ceiling;
      pairs.append(String.format(Locale.ROOT, "%s%.0f/%.0f", i == 0 ? "" : ", ", nodeOps, ceiling));
    }
    if (o.clients > 1) {
      ceiling(report, tmp, 1, o, log); // after the pairs: the first pair's runs stay adjacent
    }
    report.add(
        BenchReport.JVM,
        "node CAS throughput / store ceiling, "
            + o.clients
            + (o.clients == 1 ? " client" : " clients"),
        median(ratios),
        "%",
        ">= 70 %",
        "median of "
            + PAIRS
            + " pairs, each durable CAS over WebSockets and the ceiling measured right after it"
            + " (ops/s: "
            + pairs
            + ")");
  }

  /** Measures the ceiling with {@code writers} threads and adds its row; its writes per second. */
  private static double ceiling(
      BenchReport report, Path tmp, int writers, BenchSuite.Options o, PrintStream log)
      throws Exception {
    StoreBench.Result r = run(tmp, writers, o, log);
    report.add(
        BenchReport.JVM,
        "store ceiling in-process, " + writers + (writers == 1 ? " writer" : " writers"),
        r.opsPerSecond(),
        "writes/s",
        null,
        String.format(
            Locale.ROOT,
            "the node's SQLite store and group commit called in-process (no network):"
                + " %.1f writes per commit",
            r.opsPerCommit()));
    return r.opsPerSecond();
  }

  private static StoreBench.Result run(Path tmp, int writers, BenchSuite.Options o, PrintStream log)
      throws Exception {
    log.println("the store's raw ceiling, " + writers + " writers ...");
    return StoreBench.run(Files.createTempDirectory(tmp, "ceiling"), writers, o.seconds);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
