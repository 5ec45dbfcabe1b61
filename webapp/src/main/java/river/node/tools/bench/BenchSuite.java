package river.node.tools.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import river.node.Node;
import river.node.NodeOptions;
import river.node.store.DelegateStore;
import river.node.tools.seed.SeedLegacy;
import river.node.ws.RequestDispatcher;
import river.rooms.CborRoomsCodec;

/**
 * {@code bench-suite}: the JVM half of the benchmark (issue 9), against an in-process node on a
 * temporary data directory, over real WebSockets, with the tabs' real {@code TabSession} engines.
 * Prints a markdown table and writes the same figures as JSON (default: {@code bench-report.json}
 * next to the node jar, i.e. under {@code webapp/target/}).
 *
 * <ul>
 *   <li><b>Bytes per one-room mutation</b> with N rooms: a tab migrates a legacy blob of N rooms
 *       ({@link SeedLegacy#rooms}), then changes one room's nickname M times; every request frame
 *       it sends is counted. Baseline, in the same run: the legacy {@code rooms_data} blob of the
 *       same rooms ({@link CborRoomsCodec#encodeLegacyBlob}) sent as one Store, which the old
 *       client wrote on every save.
 *   <li><b>Contention</b>: T tabs of one user, each its own engine and WebSocket, each making M
 *       mutations (nickname or mark-read, half each) on S shared rooms at random 0..P ms pauses. A
 *       lost update: at the end (every tab quiet), a room whose stored nickname is not the winner
 *       among every (nickname version, nickname) pair any tab set (the merge rule: higher version,
 *       then greater text), or whose stored last-read position is below the highest position any
 *       tab marked. Also: CasStore attempts per landed write, loops that exhausted their attempts,
 *       and (tab, room) pairs whose ROOMS differ from the store at the end.
 *   <li><b>GetMany</b>: {@link GetManyBench}, 128 keys per answer over S stored slots (issue 18).
 *   <li><b>Durable CAS throughput</b>: {@link DelegateBench} with 1 and K clients.
 *   <li><b>Bundle</b>: {@code client/target/classes/static/river.js} of this checkout when run from
 *       it, else {@code static/river.js} on the classpath (the node jar): raw and gzip -9; the same
 *       for the reaction picker's lazily loaded {@code static/app/emoji-data.js}.
 * </ul>
 */
public final class BenchSuite {
  private BenchSuite() {}

  /** What to run; the defaults are the sizes. */
  public static final class Options {
    public int[] rooms = {1, 100, 500};
    public int mutations = 20;
    public int tabs = 8;
    public int tabMutations = 100;
    public int sharedRooms = 20;
    public int pauseMillis = 5;
    public int clients = 32;
    public int seconds = 5;
    public int warmup = 3;
    public long seed = 1;
    public int slots = 5000;
    public int getManyAnswers = 100;

    /** Null: every section; {@code "contention"}: the contention rows alone (for A/B runs). */
    public String only;

    public Path json;
  }

  public static int run(String[] args, PrintStream out) throws Exception {
    Options o = parse(args);
    BenchReport report = measure(o, out);
    out.println();
    out.print(report.toMarkdown());
    report.writeJson(o.json);
    out.println();
    out.println("wrote " + o.json.toAbsolutePath());
    return 0;
  }

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--rooms" ->
            o.rooms =
                Arrays.stream(value(args, ++i, a).split(","))
                    .mapToInt(s -> positive(s, a))
                    .toArray();
        case "--mutations" -> o.mutations = positive(value(args, ++i, a), a);
        case "--tabs" -> o.tabs = positive(value(args, ++i, a), a);
        case "--tab-mutations" -> o.tabMutations = positive(value(args, ++i, a), a);
        case "--shared-rooms" -> o.sharedRooms = positive(value(args, ++i, a), a);
        case "--pause-ms" -> o.pauseMillis = atLeast(0, value(args, ++i, a), a);
        case "--clients" -> o.clients = positive(value(args, ++i, a), a);
        case "--seconds" -> o.seconds = positive(value(args, ++i, a), a);
        case "--warmup" -> o.warmup = atLeast(0, value(args, ++i, a), a);
        case "--seed" -> o.seed = positive(value(args, ++i, a), a);
        case "--slots" -> o.slots = atLeast(GetManyBench.BATCH, value(args, ++i, a), a);
        case "--getmany-answers" -> o.getManyAnswers = positive(value(args, ++i, a), a);
        case "--json" -> o.json = Path.of(value(args, ++i, a));
        case "--only" -> {
          o.only = value(args, ++i, a);
          if (!o.only.equals("contention")) {
            throw new IllegalArgumentException("--only takes contention, got " + o.only);
          }
        }
        default -> throw new IllegalArgumentException("unknown option for bench-suite: " + a);
      }
    }
    if (o.json == null) {
      o.json = defaultJson();
    }
    return o;
  }

  /**
   * {@code bench-report.json} next to the jar (webapp/target/), or under target/ of the classes
   * dir.
   */
  static Path defaultJson() {
    try {
      Path where =
          Path.of(BenchSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return where.getParent().resolve("bench-report.json");
    } catch (Exception e) {
      return Path.of("target", "bench-report.json");
    }
  }

  public static BenchReport measure(Options o, PrintStream log) throws Exception {
    BenchReport report = new BenchReport();
    var os = ManagementFactory.getOperatingSystemMXBean();
    report
        .context("when", Instant.now().toString())
        .context(
            "machine",
            Runtime.getRuntime().availableProcessors()
                + " cores, "
                + os.getName()
                + " "
                + os.getArch()
                + ", Java "
                + Runtime.version()
                + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MiB")
        .context(
            "load average at start", String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage()))
        .context("warning", busyWarning(os.getSystemLoadAverage(), os.getAvailableProcessors()))
        .context(
            "parameters",
            "rooms "
                + Arrays.toString(o.rooms)
                + " x "
                + o.mutations
                + " nickname changes; "
                + o.tabs
                + " tabs x "
                + o.tabMutations
                + " mutations on "
                + o.sharedRooms
                + " shared rooms, pauses 0.."
                + o.pauseMillis
                + " ms; CAS bench "
                + o.seconds
                + " s (after "
                + o.warmup
                + " s warm-up) with 1 and "
                + o.clients
                + " clients; GetMany over "
                + o.slots
                + " slots, "
                + o.getManyAnswers
                + " answers")
        .context(
            "tab host",
            "TabSession over java.net.http WebSocket, one event loop per tab, at most "
                + RequestDispatcher.MAX_IN_FLIGHT
                + " requests in flight per connection (the node's limit)");
    Path tmp = Files.createTempDirectory("river-bench-suite");
    Node node = Node.start(new NodeOptions(0, tmp, null, List.of()));
    try {
      int port = node.port();
      if (o.only != null) {
        log.println("contention, " + o.tabs + " tabs ...");
        ContentionBench.contention(report, port, o);
        return report;
      }
      for (int n : o.rooms) {
        log.println("bytes per mutation, " + n + " rooms ...");
        MutationBytesBench.bytesPerMutation(report, port, n, o);
      }
      log.println("contention, " + o.tabs + " tabs ...");
      ContentionBench.contention(report, port, o);
      log.println("GetMany, " + o.slots + " slots ...");
      GetManyBench.getMany(report, port, o);
      double nodeOps = 0;
      for (int k : o.clients == 1 ? new int[] {1} : new int[] {1, o.clients}) {
        log.println("durable CAS throughput, " + k + " clients ...");
        DelegateStore.Stats before = node.store().stats();
        DelegateBench.Result r = DelegateBench.runOnce(port, k, o.seconds, o.warmup);
        DelegateStore.Stats after = node.store().stats();
        String c = k + (k == 1 ? " client" : " clients");
        report.add(
            "durable CAS throughput, " + c,
            r.opsPerSecond(),
            "ops/s",
            null,
            String.format(
                Locale.ROOT,
                "%.1f writes per commit (warm-up included)",
                (double) (after.committedOps() - before.committedOps())
                    / Math.max(1, after.commits() - before.commits())));
        report.add("durable CAS latency p50, " + c, r.p50Nanos() / 1e6, "ms", null);
        report.add("durable CAS latency p99, " + c, r.p99Nanos() / 1e6, "ms", null);
        nodeOps = r.opsPerSecond();
      }
      CeilingRatio.measure(report, tmp, o, port, nodeOps, log);
    } finally {
      node.close();
      deleteTree(tmp);
    }
    bundle(report);
    // BROWSER ROWS: measured by the browser benchmark (e2e), which adds them with BenchReport.add
    // under BenchReport.BROWSER. Listed here so the table shows what is still missing.
    for (String name :
        List.of(
            "load time, 1 room",
            "load time, 100 rooms",
            "load time, 500 rooms",
            "load time, 5000 rooms",
            "load time ratio, 500 rooms / 1 room",
            "JS heap",
            "create click to listed in another tab p50",
            "create click to listed in another tab p95",
            "send to shown in another user's tab p50",
            "send to shown in another user's tab p95",
            "open a room with full history, click to drawn")) {
      report.add(
          BenchReport.BROWSER,
          name,
          null,
          name.startsWith("JS") ? "MiB" : name.contains("ratio") ? "x" : "ms",
          null,
          "browser benchmark (e2e)");
    }
    return report;
  }

  /**
   * A warning for the report when the machine was busy at the start (load average above half its
   * cores): every figure is then slower than on a quiet machine, and goals do not apply. Null when
   * quiet.
   */
  static String busyWarning(double loadAverage, int cores) {
    if (loadAverage <= cores / 2.0) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "BUSY MACHINE: load average %.2f on %d cores at the start; figures are slower than on a"
            + " quiet machine and the goals do not apply to them",
        loadAverage,
        cores);
  }

  // ---- bundle ---------------------------------------------------------------------------------

  static void bundle(BenchReport report) throws IOException {
    size(report, "river.js", "app bundle river.js");
    // Loaded by the reaction picker on first use, outside the bundle; counted with it, the app
    // must stay within its budget too.
    size(report, "app/emoji-data.js", "emoji data app/emoji-data.js (lazy)");
  }

  /** Raw and gzip -9 size of {@code static/<file>}. */
  private static void size(BenchReport report, String file, String name) throws IOException {
    // this checkout's build first: the jar's copy comes from ~/.m2, which another checkout may
    // have overwritten since
    byte[] js = null;
    String from = null;
    for (String f :
        List.of(
            "client/target/classes/static/" + file, "../client/target/classes/static/" + file)) {
      if (js == null && Files.exists(Path.of(f))) {
        js = Files.readAllBytes(Path.of(f));
        from = f;
      }
    }
    if (js == null) {
      from = "static/" + file + " in the node's classpath (jar)";
      try (InputStream in =
          BenchSuite.class.getClassLoader().getResourceAsStream("static/" + file)) {
        if (in != null) {
          js = in.readAllBytes();
        }
      }
    }
    if (js == null) {
      report.add(BenchReport.JVM, name + ", raw", null, "B", null, "no " + file + " found");
      return;
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z =
        new GZIPOutputStream(gz) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      z.write(js);
    }
    report.add(BenchReport.JVM, name + ", raw", (double) js.length, "B", null, from);
    report.add(BenchReport.JVM, name + ", gzip -9", (double) gz.size(), "B", null, null);
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static String wsUrl(int port, String token) {
    return "ws://127.0.0.1:" + port + "/v1/ws?token=" + token;
  }

  static String newProfile(int port) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/profiles"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IOException("creating a bench profile answered " + r.statusCode());
    }
    return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String s, String option) {
    return atLeast(1, s, option);
  }

  private static int atLeast(int min, String s, String option) {
    try {
      int v = Integer.parseInt(s.trim());
      if (v < min) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number >= " + min + ", got " + s);
    }
  }

  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp directory
    }
  }
}
