package river.node.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import river.engine.SeededRandom;
import river.node.Node;
import river.node.NodeOptions;
import river.node.WsClient;
import river.node.delegate.DelegateBench;
import river.node.delegate.SeedLegacy;
import river.node.ws.RequestDispatcher;
import river.rooms.Bytes;
import river.rooms.CborRoomsCodec;
import river.rooms.LastRead;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;
import river.rooms.Rooms;
import river.store.DelegateKeys;
import river.wire.DelegateRequest;
import river.wire.Op;
import river.wire.Request;
import river.wire.Response;
import river.wire.WireCodec;

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
 *       mutations (nickname or mark-read, half each) on S shared rooms at random 0..P ms pauses.
 *       A lost update: at the end (every tab quiet), a room whose stored nickname is not the
 *       winner among every (nickname version, nickname) pair any tab set (the merge rule: higher
 *       version, then greater text), or whose stored last-read position is below the highest
 *       position any tab marked. Also: CasStore attempts per landed write, loops that exhausted
 *       their attempts, and (tab, room) pairs whose ROOMS differ from the store at the end.
 *   <li><b>Durable CAS throughput</b>: {@link DelegateBench} with 1 and K clients.
 *   <li><b>Bundle</b>: {@code client/target/classes/static/river.js} of this checkout when run from
 *       it, else {@code static/river.js} on the classpath (the node jar): raw and gzip -9.
 * </ul>
 */
public final class BenchSuite {
  private BenchSuite() {}

  /** What to run; the defaults are the issue's sizes. */
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
        case "--rooms" -> o.rooms = Arrays.stream(value(args, ++i, a).split(","))
            .mapToInt(s -> positive(s, a)).toArray();
        case "--mutations" -> o.mutations = positive(value(args, ++i, a), a);
        case "--tabs" -> o.tabs = positive(value(args, ++i, a), a);
        case "--tab-mutations" -> o.tabMutations = positive(value(args, ++i, a), a);
        case "--shared-rooms" -> o.sharedRooms = positive(value(args, ++i, a), a);
        case "--pause-ms" -> o.pauseMillis = atLeast(0, value(args, ++i, a), a);
        case "--clients" -> o.clients = positive(value(args, ++i, a), a);
        case "--seconds" -> o.seconds = positive(value(args, ++i, a), a);
        case "--warmup" -> o.warmup = atLeast(0, value(args, ++i, a), a);
        case "--seed" -> o.seed = positive(value(args, ++i, a), a);
        case "--json" -> o.json = Path.of(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option for bench-suite: " + a);
      }
    }
    if (o.json == null) {
      o.json = defaultJson();
    }
    return o;
  }

  /** {@code bench-report.json} next to the jar (webapp/target/), or under target/ of the classes dir. */
  static Path defaultJson() {
    try {
      Path where = Path.of(BenchSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return where.getParent().resolve("bench-report.json");
    } catch (Exception e) {
      return Path.of("target", "bench-report.json");
    }
  }

  public static BenchReport measure(Options o, PrintStream log) throws Exception {
    BenchReport report = new BenchReport();
    var os = ManagementFactory.getOperatingSystemMXBean();
    report.context("when", Instant.now().toString())
        .context("machine", Runtime.getRuntime().availableProcessors() + " cores, " + os.getName() + " "
            + os.getArch() + ", Java " + Runtime.version() + ", max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB")
        .context("load average at start", String.format(java.util.Locale.ROOT, "%.2f", os.getSystemLoadAverage()))
        .context("parameters", "rooms " + Arrays.toString(o.rooms) + " x " + o.mutations + " nickname changes; "
            + o.tabs + " tabs x " + o.tabMutations + " mutations on " + o.sharedRooms + " shared rooms, pauses 0.."
            + o.pauseMillis + " ms; CAS bench " + o.seconds + " s (after " + o.warmup + " s warm-up) with 1 and " + o.clients + " clients")
        .context("tab host", "TabSession over java.net.http WebSocket, one event loop per tab, at most "
            + RequestDispatcher.MAX_IN_FLIGHT + " requests in flight per connection (the node's limit)");
    Path tmp = Files.createTempDirectory("river-bench-suite");
    Node node = Node.start(new NodeOptions(0, tmp, null, List.of()));
    try {
      int port = node.port();
      for (int n : o.rooms) {
        log.println("bytes per mutation, " + n + " rooms ...");
        bytesPerMutation(report, port, n, o);
      }
      log.println("contention, " + o.tabs + " tabs ...");
      contention(report, port, o);
      for (int k : o.clients == 1 ? new int[] {1} : new int[] {1, o.clients}) {
        log.println("durable CAS throughput, " + k + " clients ...");
        DelegateBench.Result r = DelegateBench.runOnce(port, k, o.seconds, o.warmup);
        String c = k + (k == 1 ? " client" : " clients");
        report.add("durable CAS throughput, " + c, r.opsPerSecond(), "ops/s", null);
        report.add("durable CAS latency p50, " + c, r.p50Nanos() / 1e6, "ms", null);
        report.add("durable CAS latency p99, " + c, r.p99Nanos() / 1e6, "ms", null);
      }
    } finally {
      node.close();
      deleteTree(tmp);
    }
    bundle(report);
    // BROWSER ROWS: measured by the browser benchmark (e2e), which adds them with BenchReport.add
    // under BenchReport.BROWSER. Listed here so the table shows what is still missing.
    for (String name : List.of("load time, 1 room", "load time, 100 rooms", "load time, 500 rooms",
        "cross-tab propagation p50", "cross-tab propagation p95", "JS heap")) {
      report.add(BenchReport.BROWSER, name, null, name.startsWith("JS") ? "MiB" : "ms", null,
          "browser benchmark (e2e)");
    }
    return report;
  }

  // ---- bytes per one-room mutation ---------------------------------------------------------------

  static void bytesPerMutation(BenchReport report, int port, int n, Options o) throws Exception {
    String url = wsUrl(port, newProfile(port));
    CborRoomsCodec codec = new CborRoomsCodec();
    Rooms rooms = SeedLegacy.rooms(n);
    try (WsClient legacy = WsClient.connect(url)) {
      storeBlob(legacy, codec.encodeLegacyBlob(rooms)); // the tab migrates from it
    }
    long perRoom;
    long maxOne = 0;
    long requests;
    Rooms after;
    try (TabDriver tab = new TabDriver(url, o.seed, "bench-tab")) {
      tab.load(120_000);
      List<RoomKey> keys = new ArrayList<>(tab.call(s -> s.rooms().map().keySet()));
      if (keys.size() != n) {
        throw new IllegalStateException("the tab migrated " + keys.size() + " rooms, not " + n);
      }
      tab.resetCounters();
      for (int i = 0; i < o.mutations; i++) {
        long before = tab.bytesSent();
        RoomKey k = keys.get((i * 7919) % n);
        String nick = "bench nickname " + i;
        tab.act(s -> s.setNickname(k, nick));
        tab.awaitQuiet(30_000);
        maxOne = Math.max(maxOne, tab.bytesSent() - before);
      }
      perRoom = tab.bytesSent();
      requests = tab.requestsSent();
      after = tab.call(s -> s.rooms());
      if (!tab.problems().isEmpty()) {
        throw new IllegalStateException("the tab reported problems: " + tab.problems());
      }
    }
    // a second tab loads the N rooms with no send window, as a host that sends everything at once
    String unwindowed;
    try (TabDriver tab = new TabDriver(url, o.seed + 1, "bench-tab-unwindowed", Integer.MAX_VALUE)) {
      String outcome;
      try {
        tab.load(120_000);
        outcome = "loaded " + tab.call(s -> s.rooms().map().size()) + " of " + n;
      } catch (IllegalStateException e) {
        outcome = e.getMessage();
      }
      int refused = tab.refusedOverLimit();
      if (outcome.length() > 160) {
        outcome = outcome.substring(0, 160) + "...";
      }
      unwindowed = outcome + "; refused: too_large, over the node's " + RequestDispatcher.MAX_IN_FLIGHT
          + " in flight per connection (timing-dependent: the node answers some Gets before the last arrive)";
      report.add(BenchReport.JVM, "requests refused when a tab loads " + n + (n == 1 ? " room" : " rooms")
          + " with no send window", (double) refused, "requests", "0", unwindowed);
    }
    double mean = (double) perRoom / o.mutations;
    long blob;
    try (WsClient legacy = WsClient.connect(url)) {
      blob = storeBlob(legacy, codec.encodeLegacyBlob(after)); // what the old client sent per save
    }
    String r = n + (n == 1 ? " room" : " rooms");
    report.add("bytes sent per one-room mutation, " + r, mean, "B", "<= 2048 B at 500 rooms",
        "mean of " + o.mutations + " nickname changes, " + BenchReport.format((double) requests / o.mutations)
            + " requests each, max " + maxOne + " B");
    report.add("single-blob baseline per save, " + r, blob, "B", null,
        "legacy rooms_data of the same rooms, one Store frame");
    report.add("baseline / per-room ratio, " + r, blob / mean, "x", null, null);
  }

  /** Sends the blob as a Store to the legacy delegate; returns the request frame's size in bytes. */
  private static long storeBlob(WsClient c, byte[] blob) throws Exception {
    Op op = new Op.Delegate(DelegateKeys.legacy(),
        new DelegateRequest.Store(RoomStorageKeys.ROOMS_DATA.getBytes(StandardCharsets.UTF_8), blob));
    long id = 1;
    int size = WireCodec.encodeRequest(new Request(id, op)).length;
    Response r = WsClient.await(c.request(id, op));
    WsClient.delegateResponse(r); // throws on an error response
    return size;
  }

  // ---- contention -----------------------------------------------------------------------------

  /** A (nickname version, nickname) pair; the merge keeps the greatest. */
  record Nick(long version, String nickname) implements Comparable<Nick> {
    @Override
    public int compareTo(Nick o) {
      return version != o.version ? Long.compare(version, o.version) : nickname.compareTo(o.nickname);
    }
  }

  static void contention(BenchReport report, int port, Options o) throws Exception {
    String url = wsUrl(port, newProfile(port));
    CborRoomsCodec codec = new CborRoomsCodec();
    List<TabDriver> tabs = new ArrayList<>();
    Map<RoomKey, Nick> winner = new ConcurrentHashMap<>();
    Map<RoomKey, Long> highestRead = new ConcurrentHashMap<>();
    try {
      TabDriver first = new TabDriver(url, o.seed, "tab0");
      tabs.add(first);
      first.load(60_000);
      List<RoomKey> keys = new ArrayList<>();
      for (RoomData d : SeedLegacy.rooms(o.sharedRooms).map().values()) {
        first.act(s -> s.createRoom(d));
        keys.add(d.owner());
        winner.put(d.owner(), new Nick(d.nicknameVersion(), d.nickname()));
        highestRead.put(d.owner(), d.lastRead().position());
      }
      first.awaitQuiet(60_000);
      for (int i = 1; i < o.tabs; i++) {
        TabDriver t = new TabDriver(url, o.seed + i, "tab" + i);
        tabs.add(t);
        t.load(60_000);
        int held = t.call(s -> s.rooms().map().size());
        if (held != o.sharedRooms) {
          throw new IllegalStateException("tab" + i + " loaded " + held + " rooms, not " + o.sharedRooms);
        }
      }
      for (TabDriver t : tabs) {
        t.resetCounters();
      }
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Thread> users = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < tabs.size(); i++) {
        final int me = i;
        final TabDriver tab = tabs.get(i);
        Thread th = new Thread(() -> {
          SeededRandom rnd = new SeededRandom(o.seed * 1000 + me);
          try {
            for (int j = 0; j < o.tabMutations; j++) {
              Thread.sleep(rnd.nextInt(o.pauseMillis + 1));
              RoomKey k = keys.get(rnd.nextInt(keys.size()));
              if (rnd.nextBoolean()) {
                String nick = "tab" + me + " #" + j;
                RoomData d = tab.call(s -> {
                  s.setNickname(k, nick);
                  return s.rooms().room(k);
                });
                Nick set = new Nick(d.nicknameVersion(), d.nickname());
                winner.merge(k, set, (a, b) -> a.compareTo(b) >= 0 ? a : b);
              } else {
                int step = 1 + rnd.nextInt(3);
                long pos = tab.call(s -> {
                  long p = s.rooms().room(k).lastRead().position() + step;
                  s.markRead(k, new LastRead(p, Bytes.ofInts((int) p & 0xff)));
                  return p;
                });
                highestRead.merge(k, pos, Math::max);
              }
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }, "user of tab" + me);
        users.add(th);
        th.start();
      }
      for (Thread th : users) {
        th.join();
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("a tab's user failed: " + failures.get(0), failures.get(0));
      }
      awaitAllQuiet(tabs, 120_000);
      double seconds = (System.nanoTime() - t0) / 1e9;
      // the store at the end, read by a connection of its own
      int lost = 0;
      int diverged = 0;
      List<String> lostDetail = new ArrayList<>();
      try (WsClient check = WsClient.connect(url)) {
        for (RoomKey k : keys) {
          byte[] v = check.get(RoomStorageKeys.roomKey(k).getBytes(StandardCharsets.UTF_8));
          RoomSlot slot = v == null ? null : codec.decodeSlot(v);
          if (slot == null || !slot.isPresent()) {
            lost += 2;
            lostDetail.add(k + " is " + slot);
            continue;
          }
          RoomData d = slot.data();
          Nick stored = new Nick(d.nicknameVersion(), d.nickname());
          if (!stored.equals(winner.get(k))) {
            lost++;
            lostDetail.add(k + " nickname " + stored + " instead of " + winner.get(k));
          }
          if (d.lastRead().position() < highestRead.get(k)) {
            lost++;
            lostDetail.add(k + " last read " + d.lastRead().position() + " below " + highestRead.get(k));
          }
          for (TabDriver t : tabs) {
            if (!d.equals(t.call(s -> s.rooms().room(k)))) {
              diverged++;
            }
          }
        }
      }
      List<Integer> attempts = new ArrayList<>();
      int exhausted = 0;
      long requests = 0;
      List<String> problems = new ArrayList<>();
      for (TabDriver t : tabs) {
        attempts.addAll(t.casAttemptsPerWrite());
        exhausted += t.exhaustedLoops();
        requests += t.requestsSent();
        problems.addAll(t.problems());
      }
      double mean = attempts.stream().mapToInt(Integer::intValue).average().orElse(0);
      int max = attempts.stream().mapToInt(Integer::intValue).max().orElse(0);
      String shape = o.tabs + " tabs x " + o.tabMutations + " mutations, " + o.sharedRooms + " rooms";
      report.add(BenchReport.JVM, "lost updates, " + shape, (double) lost, "updates", "0",
          lostDetail.isEmpty() ? "stored nickname = winning (version, text) pair, stored last-read >= highest marked"
              : String.join("; ", lostDetail.subList(0, Math.min(3, lostDetail.size()))));
      report.add(BenchReport.JVM, "CAS attempts per write, mean", mean, "attempts", null,
          attempts.size() + " writes landed, " + requests + " requests, " + BenchReport.format(seconds) + " s");
      report.add("CAS attempts per write, max", max, "attempts", null);
      report.add(BenchReport.JVM, "exhausted CAS loops", (double) exhausted, "loops", null,
          "a later save retries the key");
      report.add(BenchReport.JVM, "tab views differing from the store at the end", (double) diverged,
          "tab-rooms", "0", problems.isEmpty() ? null : problems.size() + " problems reported, e.g. " + problems.get(0));
    } finally {
      for (TabDriver t : tabs) {
        t.close();
      }
    }
  }

  /** Every tab quiet on three polls in a row 50 ms apart (late pushes cause re-reads). */
  private static void awaitAllQuiet(List<TabDriver> tabs, long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    int calm = 0;
    while (calm < 3) {
      boolean all = true;
      for (TabDriver t : tabs) {
        all &= t.quiet();
      }
      calm = all ? calm + 1 : 0;
      if (System.currentTimeMillis() > end) {
        throw new IllegalStateException("tabs not quiet after " + timeoutMillis + " ms");
      }
      Thread.sleep(50);
    }
  }

  // ---- bundle ---------------------------------------------------------------------------------

  static void bundle(BenchReport report) throws IOException {
    // this checkout's build first: the jar's copy comes from ~/.m2, which another checkout may
    // have overwritten since
    byte[] js = null;
    String from = null;
    for (String f : List.of("client/target/classes/static/river.js", "../client/target/classes/static/river.js")) {
      if (js == null && Files.exists(Path.of(f))) {
        js = Files.readAllBytes(Path.of(f));
        from = f;
      }
    }
    if (js == null) {
      from = "static/river.js in the node's classpath (jar)";
      try (InputStream in = BenchSuite.class.getClassLoader().getResourceAsStream("static/river.js")) {
        if (in != null) {
          js = in.readAllBytes();
        }
      }
    }
    if (js == null) {
      report.add(BenchReport.JVM, "app bundle river.js, raw", null, "B", null, "no river.js found");
      return;
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(gz) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      z.write(js);
    }
    report.add(BenchReport.JVM, "app bundle river.js, raw", (double) js.length, "B", null, from);
    report.add(BenchReport.JVM, "app bundle river.js, gzip -9", (double) gz.size(), "B", null, null);
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static String wsUrl(int port, String token) {
    return "ws://127.0.0.1:" + port + "/v1/ws?token=" + token;
  }

  static String newProfile(int port) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/profiles"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
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

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp directory
    }
  }
}
