package river.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import river.cbor.Utf8;
import river.engine.Simulator;
import river.engine.World;
import river.node.TestNode;
import river.node.tools.WsClient;

/**
 * A subset of the simulator's seeds with every tab's engine talking to the real node over its own
 * WebSocket (one user per seed, one connection per tab session), every invariant of the in-memory
 * run checked, plus (n): the node's replies, pushes and whole store equal the model's. Seeds with
 * legacy data are skipped (see {@link NodeBackend}). {@code -Dnodesim.seeds=N} changes how many
 * seeds run, {@code -Dnodesim.first=S} where they start.
 */
class NodeSimulatorTest {
  @Test
  void simulatorSeedsAgainstTheRealNode(@TempDir Path dir) throws Exception {
    int want = Integer.getInteger("nodesim.seeds", 80);
    long seed = Long.getLong("nodesim.first", 1);
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    int ran = 0, skipped = 0;
    long steps = 0, checks = 0, requests = 0, pushes = 0, carried = 0;
    try (TestNode node = new TestNode(dir)) {
      Simulator.BackendFactory onNode = w -> new NodeBackend(w, node.wsUrl(node.newProfile()));
      for (; ran < want; seed++) {
        NodeBackend[] backend = new NodeBackend[1];
        Simulator sim = new Simulator(seed, w -> backend[0] = (NodeBackend) onNode.create(w));
        String failure = sim.run(false);
        if (sim.skipped) {
          skipped++;
          continue;
        }
        ran++;
        steps += sim.steps;
        checks += sim.checks;
        requests += backend[0].requests;
        pushes += backend[0].pushes;
        carried += backend[0].valuesCarried;
        if (failure != null) {
          failures.add(failure);
          if (failures.size() == 1) System.out.println(new Simulator(seed, onNode).run(true));
          if (failures.size() >= 3) break;
        }
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "simulator on the node: "
            + ran
            + " seeds ("
            + skipped
            + " with legacy data skipped), "
            + steps
            + " steps, "
            + checks
            + " quiescent checks, "
            + requests
            + " requests, "
            + pushes
            + " pushes ("
            + carried
            + " carrying the value), "
            + ms
            + " ms, "
            + failures.size()
            + " failing");
    assertEquals(List.of(), failures);
    assertTrue(checks >= ran);
    assertTrue(carried > 0, "the node's pushes of small values carry them");
  }

  /**
   * The differential check itself: a write behind the model's back is reported, pushes included.
   */
  @Test
  void aStoreThatDiffersFromTheModelIsReported(@TempDir Path dir) throws Exception {
    try (TestNode node = new TestNode(dir)) {
      String token = node.newProfile();
      World world = new World(1, List.of());
      try (NodeBackend backend = new NodeBackend(world, node.wsUrl(token));
          WsClient sneaky = WsClient.connect(node.wsUrl(token))) {
        backend.opened(0, 0);
        backend.opened(1, 0);
        assertEquals(List.of(), backend.verify());
        sneaky.store(Utf8.encode("rooms_meta"), new byte[] {1, 2, 3});
        Thread.sleep(200); // let the pushes arrive
        List<String> d = backend.verify();
        assertTrue(
            d.stream().anyMatch(s -> s.startsWith("node keys [rooms_meta] model keys []")),
            d.toString());
        assertTrue(
            d.stream().anyMatch(s -> s.startsWith("tab0 got unexpected pushes")), d.toString());
      }
    }
  }
}
