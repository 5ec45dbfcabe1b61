package river.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the multi-tab simulator over many seeds. A failing seed is re-run with logging and its full
 * step log printed; replay one with -Dsim.seed=N (and -Dsim.seeds=COUNT to change the count).
 */
class SimulatorTest {
  @Test
  void invariantsHoldForManySeeds() {
    String one = System.getProperty("sim.seed");
    long first = one == null ? 1 : Long.parseLong(one);
    int count = one == null ? Integer.getInteger("sim.seeds", 10_000) : 1;
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    long steps = 0, checks = 0, exhaustions = 0, disconnects = 0;
    for (long seed = first; seed < first + count; seed++) {
      Simulator sim = new Simulator(seed);
      String failure = sim.run(false);
      steps += sim.steps;
      checks += sim.checks;
      exhaustions += sim.exhaustions;
      disconnects += sim.disconnectErrors;
      if (failure != null) {
        failures.add(failure);
        if (failures.size() == 1) System.out.println(new Simulator(seed).run(true));
        if (failures.size() >= 5) break;
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "simulator: "
            + count
            + " seeds, "
            + steps
            + " steps, "
            + checks
            + " quiescent checks, "
            + exhaustions
            + " CAS exhaustions (retried), "
            + disconnects
            + " requests failed by disconnects, "
            + ms
            + " ms, "
            + failures.size()
            + " failing");
    assertEquals(List.of(), failures);
    assertTrue(checks >= count, "every seed reached at least one quiescent check");
  }
}
