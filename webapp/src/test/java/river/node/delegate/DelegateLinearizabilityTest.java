package river.node.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.TestNode.utf8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import river.node.TestNode;
import river.node.pg.StoreKind;
import river.node.tools.WsClient;
import river.wire.CasStoreResult;

/**
 * 16 connections of one user increment one counter key by CAS, 500 times each: every Stored
 * generation is handed out exactly once, a Conflict always carries the value written at the
 * generation it reports, and the counter ends at exactly 16 x 500.
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DelegateLinearizabilityTest {
  @Parameter StoreKind kind;

  static final int CLIENTS = 16;
  static final int INCREMENTS_SQLITE = 500;

  /**
   * Fewer on PostgreSQL: on one contended key each success needs its own commit, and a PostgreSQL
   * commit (fsync through the server) costs ~4x an SQLite one here; 150 keeps the test ~15 s.
   */
  static final int INCREMENTS_POSTGRES = 150;

  @TempDir Path dir;

  @Test
  void casIncrementsOfOneKeyFromSixteenConnectionsAreLinearizable() throws Exception {
    byte[] key = utf8("counter");
    final int INCREMENTS = kind == StoreKind.SQLITE ? INCREMENTS_SQLITE : INCREMENTS_POSTGRES;
    try (TestNode node = new TestNode(dir, kind)) {
      String token = node.newProfile();
      List<WsClient> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        clients.add(WsClient.connect(node.wsUrl(token)));
      }
      ConcurrentLinkedQueue<Long> stored = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (WsClient c : clients) {
          results.add(
              pool.submit(
                  () -> {
                    long g = c.getVersioned(key).generation();
                    int conflicts = 0;
                    for (int done = 0; done < INCREMENTS; ) {
                      CasStoreResult r = c.cas(key, utf8(Long.toString(g + 1)), g).result();
                      if (r instanceof CasStoreResult.Stored s) {
                        assertEquals(g + 1, s.generation());
                        stored.add(s.generation());
                        g = s.generation();
                        done++;
                      } else {
                        CasStoreResult.Conflict conflict = (CasStoreResult.Conflict) r;
                        assertTrue(
                            conflict.currentGeneration() > g, "a conflict never goes back in time");
                        g = conflict.currentGeneration();
                        assertArrayEquals(
                            utf8(Long.toString(g)),
                            conflict.currentValue(),
                            "the conflict's value is the one written at its generation");
                        conflicts++;
                      }
                    }
                    return conflicts;
                  }));
        }
        long conflicts = 0;
        for (Future<Integer> f : results) {
          conflicts += f.get(120, TimeUnit.SECONDS);
        }
        System.out.println(
            "linearizability: "
                + CLIENTS * INCREMENTS
                + " increments, "
                + conflicts
                + " conflicts");
      } finally {
        pool.shutdownNow();
      }
      int total = CLIENTS * INCREMENTS;
      List<Long> sorted = new ArrayList<>(stored);
      sorted.sort(null);
      assertEquals(total, sorted.size());
      for (int i = 0; i < total; i++) {
        assertEquals(
            i + 1, sorted.get(i), "every generation 1.." + total + " is returned exactly once");
      }
      WsClient check = clients.get(0);
      assertEquals(total, check.getVersioned(key).generation());
      assertArrayEquals(utf8(Integer.toString(total)), check.get(key));
      clients.forEach(WsClient::close);
    }
  }
}
