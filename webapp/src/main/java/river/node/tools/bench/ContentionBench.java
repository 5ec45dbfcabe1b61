package river.node.tools.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import river.engine.SeededRandom;
import river.node.tools.WsClient;
import river.node.tools.seed.SeedLegacy;
import river.rooms.Bytes;
import river.rooms.CborRoomsCodec;
import river.rooms.LastRead;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.RoomSlot;
import river.rooms.RoomStorageKeys;

/**
 * Contention: T tabs of one user, each its own engine and WebSocket, mutating S shared rooms; lost
 * updates, CAS attempts per write, exhausted loops (see {@link BenchSuite}).
 */
final class ContentionBench {
  private ContentionBench() {}

  /** A (nickname version, nickname) pair; the merge keeps the greatest. */
  record Nick(long version, String nickname) implements Comparable<Nick> {
    @Override
    public int compareTo(Nick o) {
      return version != o.version
          ? Long.compare(version, o.version)
          : nickname.compareTo(o.nickname);
    }
  }

  static void contention(BenchReport report, int port, BenchSuite.Options o) throws Exception {
    String url = BenchSuite.wsUrl(port, BenchSuite.newProfile(port));
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
          throw new IllegalStateException(
              "tab" + i + " loaded " + held + " rooms, not " + o.sharedRooms);
        }
      }
      for (TabDriver t : tabs) {
        t.resetCounters();
      }
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      List<Thread> users = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < tabs.size(); i++) {
        final int me = i;
        final TabDriver tab = tabs.get(i);
        Thread th =
            new Thread(
                () -> {
                  SeededRandom rnd = new SeededRandom(o.seed * 1000 + me);
                  try {
                    for (int j = 0; j < o.tabMutations; j++) {
                      Thread.sleep(rnd.nextInt(o.pauseMillis + 1));
                      RoomKey k = keys.get(rnd.nextInt(keys.size()));
                      if (rnd.nextBoolean()) {
                        String nick = "tab" + me + " #" + j;
                        RoomData d =
                            tab.call(
                                s -> {
                                  s.setNickname(k, nick);
                                  return s.rooms().room(k);
                                });
                        Nick set = new Nick(d.nicknameVersion(), d.nickname());
                        winner.merge(k, set, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                      } else {
                        int step = 1 + rnd.nextInt(3);
                        long pos =
                            tab.call(
                                s -> {
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
                },
                "user of tab" + me);
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
            lostDetail.add(
                k + " last read " + d.lastRead().position() + " below " + highestRead.get(k));
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
      long casStores = 0;
      List<String> problems = new ArrayList<>();
      for (TabDriver t : tabs) {
        attempts.addAll(t.casAttemptsPerWrite());
        exhausted += t.exhaustedLoops();
        requests += t.requestsSent();
        casStores += t.casStoresSent();
        problems.addAll(t.problems());
      }
      double mean = attempts.stream().mapToInt(Integer::intValue).average().orElse(0);
      int max = attempts.stream().mapToInt(Integer::intValue).max().orElse(0);
      String shape =
          o.tabs + " tabs x " + o.tabMutations + " mutations, " + o.sharedRooms + " rooms";
      report.add(
          BenchReport.JVM,
          "lost updates, " + shape,
          (double) lost,
          "updates",
          "0",
          lostDetail.isEmpty()
              ? "stored nickname = winning (version, text) pair, stored last-read >= highest marked"
              : String.join("; ", lostDetail.subList(0, Math.min(3, lostDetail.size()))));
      report.add(
          BenchReport.JVM,
          "CAS attempts per write, mean",
          mean,
          "attempts",
          null,
          attempts.size()
              + " writes landed, "
              + requests
              + " requests, "
              + BenchReport.format(seconds)
              + " s");
      report.add("CAS attempts per write, max", max, "attempts", null);
      // The row above counts the CasStores of loops that landed a write; a loop whose change a
      // conflict showed was already superseded ends without one, and its CasStores are only here.
      report.add(
          BenchReport.JVM,
          "CasStore requests per landed write, all",
          attempts.isEmpty() ? 0 : (double) casStores / attempts.size(),
          "requests",
          null,
          casStores + " CasStores, also by saves that wrote nothing after a conflict");
      // Every request frame the tabs sent (saves' reads and CASes, push re-reads) per landed
      // write: fewer conflicts must not be bought with more uncounted reads.
      report.add(
          BenchReport.JVM,
          "requests per landed write",
          attempts.isEmpty() ? 0 : (double) requests / attempts.size(),
          "requests",
          null,
          "GetVersioned, CasStore and re-reads of every tab");
      report.add(
          BenchReport.JVM,
          "exhausted CAS loops",
          (double) exhausted,
          "loops",
          null,
          "a later save retries the key");
      report.add(
          BenchReport.JVM,
          "tab views differing from the store at the end",
          (double) diverged,
          "tab-rooms",
          "0",
          problems.isEmpty()
              ? null
              : problems.size() + " problems reported, e.g. " + problems.get(0));
    } finally {
      for (TabDriver t : tabs) {
        t.close();
      }
    }
  }

  /** Every tab quiet on three polls in a row 50 ms apart (late pushes cause re-reads). */
  private static void awaitAllQuiet(List<TabDriver> tabs, long timeoutMillis)
      throws InterruptedException {
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
}
