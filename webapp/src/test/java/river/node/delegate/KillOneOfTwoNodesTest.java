package river.node.delegate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static river.node.TestNode.utf8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.node.NodeLimits;
import river.node.TestNode;
import river.node.pg.PostgresCluster;
import river.node.tools.WsClient;
import river.wire.CasStoreResult;
import river.wire.DelegateResponse;

/**
 * Two nodes on one PostgreSQL: node 1 (a child JVM) is killed with SIGKILL in the middle of a CAS
 * storm; node 2 then serves the same users: every write node 1 acknowledged is there, an
 * unacknowledged one at most one step further, and the writers go on through node 2.
 */
class KillOneOfTwoNodesTest {
  static final int WRITERS = 6;

  @TempDir Path dir;

  private static boolean everyWriterAcked(AtomicLongArray acked) {
    for (int w = 0; w < acked.length(); w++) {
      if (acked.get(w) == 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theOtherNodeServesEverythingTheKilledOneAcknowledged() throws Exception {
    String db = PostgresCluster.shared().newDatabaseUrl();
    try (TestNode two = new TestNode(dir.resolve("two"), NodeLimits.DEFAULT, db)) {
      DelegateKillTest.ChildNode one = new DelegateKillTest.ChildNode(dir.resolve("one"), db);
      String token;
      AtomicLongArray acked = new AtomicLongArray(WRITERS);
      try {
        token = two.newProfile(); // minted on node 2, used on node 1
        AtomicLong ackedOnOne = new AtomicLong();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        List<WsClient> clients = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          WsClient c = one.connect(token);
          clients.add(c);
          Thread t =
              new Thread(
                  () -> {
                    try {
                      while (true) {
                        long g = acked.get(writer);
                        CasStoreResult r =
                            c.cas(utf8("key " + writer), utf8("w" + writer + "g" + (g + 1)), g)
                                .result();
                        if (!(r instanceof CasStoreResult.Stored ok)) {
                          unexpected.add(writer + ": " + r);
                          return;
                        }
                        acked.set(writer, ok.generation());
                        ackedOnOne.incrementAndGet();
                      }
                    } catch (Exception | AssertionError e) {
                      // node 1 was killed under this write: its fate is unknown
                    }
                  },
                  "writer-" + w);
          t.start();
          writers.add(t);
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        // until the storm is well under way, every writer included (a condition, not a fixed
        // wait): a writer with nothing acknowledged would check nothing below
        while ((ackedOnOne.get() < 50 || !everyWriterAcked(acked))
            && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertTrue(everyWriterAcked(acked), "a writer had nothing acknowledged by node 1 in 20 s");
        one.kill();
        for (Thread t : writers) {
          t.join(15_000);
          assertTrue(!t.isAlive(), "a writer hung after the kill");
        }
        clients.forEach(WsClient::abort);
        assertEquals(List.of(), unexpected);
        assertTrue(ackedOnOne.get() >= 50, "node 1 acknowledged " + ackedOnOne.get() + " writes");
      } finally {
        one.kill();
      }
      // The same users reconnect to node 2: nothing acknowledged is missing, and they go on.
      for (int w = 0; w < WRITERS; w++) {
        try (WsClient c = WsClient.connect(two.wsUrl(token))) {
          DelegateResponse.GetVersioned v = c.getVersioned(utf8("key " + w));
          long a = acked.get(w);
          assertTrue(
              v.generation() == a || v.generation() == a + 1,
              "writer " + w + ": acknowledged " + a + ", found " + v.generation());
          assertArrayEquals(utf8("w" + w + "g" + v.generation()), v.value());
          assertInstanceOf(
              CasStoreResult.Stored.class,
              c.cas(utf8("key " + w), utf8("after"), v.generation()).result());
        }
      }
    }
  }
}
