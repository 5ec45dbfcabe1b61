package river.actions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The randomized multi-tab action runs against the node model. */
class ActionSimulatorTest {
  @Test
  void twoUsersInSeveralTabsKeepEveryInvariant() {
    int joins = 0;
    int concurrent = 0;
    int leaves = 0;
    int posts = 0;
    for (int seed = 1; seed <= 200; seed++) {
      ActionSimulator sim = new ActionSimulator(seed, new ModelNode(seed));
      sim.run(25);
      joins += sim.joins;
      concurrent += sim.concurrentJoins;
      leaves += sim.leaves;
      posts += sim.posts;
    }
    System.out.println(
        "action simulator: 200 seeds, "
            + joins
            + " invitations accepted ("
            + concurrent
            + " by two tabs at once), "
            + leaves
            + " leaves, "
            + posts
            + " posts");
    assertTrue(concurrent > 50 && leaves > 50 && posts > 200, "the runs must exercise the rules");
  }
}
