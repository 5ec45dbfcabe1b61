package river.node.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.store.StoreFixtures.CURRENT;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import river.node.pg.StoreKind;

/**
 * Every acknowledged write survives SIGKILL: a child JVM ({@link StormChild}) writes as fast as it
 * can and prints each write after its future completed; we kill it at a random moment, reopen the
 * store and require every printed write to be there. Twelve cycles on the same directory, so each
 * child also starts from a database left by a killed process (WAL recovery, stale lock file).
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class CrashDurabilityTest {

  @Parameter StoreKind kind;

  static final int CYCLES = 12;
  static final int THREADS = 8;
  static final Pattern ACK = Pattern.compile("ACK (storm-\\d+) (\\d+) END");
  static final Pattern USER = Pattern.compile("USER ([0-9a-f]+) (u[0-9a-f]+) END");

  @TempDir Path dir;

  @Test
  void acknowledgedWritesSurviveKillDashNine() throws Exception {
    Path data = dir.resolve("data");
    Map<String, Long> acked = new ConcurrentHashMap<>();
    Map<String, String> users = new ConcurrentHashMap<>();
    Random random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    long totalAcks = 0;
    long started = System.nanoTime();
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      List<String> args = new ArrayList<>(List.of(data.toString(), Integer.toString(THREADS)));
      if (kind == StoreKind.POSTGRES) {
        args.add(kind.newDb(data)); // the same database every cycle
      }
      ProcessBuilder pb =
          new ProcessBuilder(
              StoreFixtures.javaCommand(StormChild.class, args.toArray(String[]::new)));
      Path err = dir.resolve("child-" + cycle + ".err");
      pb.redirectError(err.toFile());
      Process child = pb.start();
      AtomicLong acksThisCycle = new AtomicLong();
      CountDownLatch firstAck = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = ACK.matcher(line);
                    if (m.matches()) { // a line cut by the kill has no END and does not count
                      acked.merge(m.group(1), Long.parseLong(m.group(2)), Math::max);
                      acksThisCycle.incrementAndGet();
                      firstAck.countDown();
                      continue;
                    }
                    Matcher u = USER.matcher(line);
                    if (u.matches()) {
                      users.put(u.group(1), u.group(2));
                    }
                  }
                } catch (Exception e) {
                  // the pipe dies with the child
                }
              });
      reader.start();
      assertTrue(
          firstAck.await(30, TimeUnit.SECONDS), "child made no progress: " + Files.readString(err));
      Thread.sleep(random.nextInt(400));
      child.destroyForcibly(); // SIGKILL on Linux
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      assertEquals(
          137, child.exitValue(), "child did not die by SIGKILL; stderr: " + Files.readString(err));
      reader.join(30_000);
      totalAcks += acksThisCycle.get();

      try (DelegateStore store = kind.open(data)) {
        for (Map.Entry<String, Long> e : acked.entrySet()) {
          byte[] v =
              store
                  .read(StormChild.USER, CURRENT, e.getKey().getBytes(StandardCharsets.UTF_8))
                  .get(10, TimeUnit.SECONDS);
          long stored = StoreFixtures.longOf(v);
          assertTrue(
              stored >= e.getValue(),
              "cycle "
                  + cycle
                  + " (seed "
                  + seed
                  + "): "
                  + e.getKey()
                  + " acknowledged "
                  + e.getValue()
                  + " but stored "
                  + stored);
        }
        for (Map.Entry<String, String> e : users.entrySet()) {
          String token = new String(HexFormat.of().parseHex(e.getKey()), StandardCharsets.UTF_8);
          assertEquals(
              Optional.of(e.getValue()),
              store.lookupUser(token).get(10, TimeUnit.SECONDS),
              "cycle " + cycle + ": acknowledged user lost");
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "crash test: %d cycles, %d acknowledged writes, %d users, %.1f s%n",
        CYCLES, totalAcks, users.size(), seconds);
    assertTrue(totalAcks >= CYCLES, "too few acknowledged writes to mean anything: " + totalAcks);
    assertEquals(THREADS, acked.size());
    assertTrue(seconds < 90, "took " + seconds + " s");
  }
}
