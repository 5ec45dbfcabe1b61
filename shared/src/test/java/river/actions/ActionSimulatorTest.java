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
    int queued = 0;
    int minted = 0;
    int actedEarly = 0;
    int cuts = 0;
    int lost = 0;
    int refused = 0;
    int identities = 0;
    int identitiesAtOnce = 0;
    int stale = 0;
    int shown = 0;
    int deputies = 0;
    int renames = 0;
    int renamesFailed = 0;
    for (int seed = 1; seed <= 200; seed++) {
      ActionSimulator sim = new ActionSimulator(seed, new ModelNode(seed));
      sim.run(25);
      joins += sim.joins;
      concurrent += sim.concurrentJoins;
      leaves += sim.leaves;
      posts += sim.posts;
      queued += sim.queuedPosts;
      minted += sim.tokensMinted;
      actedEarly += sim.actedWhileOthersOpened;
      cuts += sim.cuts;
      lost += sim.answersLost;
      refused += sim.refusedForGood;
      identities += sim.identityChanges;
      identitiesAtOnce += sim.concurrentIdentityChanges;
      stale += sim.staleEdits;
      shown += sim.roomsShown;
      deputies += sim.deputyChanges;
      renames += sim.renames;
      renamesFailed += sim.renamesFailed;
    }
    System.out.println(
        "action simulator: 200 seeds, "
            + minted
            + " tokens minted by tabs opened at once ("
            + actedEarly
            + " tabs acted while others opened), "
            + joins
            + " invitations accepted ("
            + concurrent
            + " by two tabs at once), "
            + leaves
            + " leaves, "
            + posts
            + " posts, "
            + queued
            + " messages queued in outboxes ("
            + refused
            + " refused for good), "
            + cuts
            + " connections cut with "
            + lost
            + " requests in flight, "
            + identities
            + " identities replaced ("
            + identitiesAtOnce
            + " by two tabs at once, "
            + stale
            + " stale tabs editing meanwhile), "
            + shown
            + " rooms shown at random (each member's key published from them), "
            + deputies
            + " deputies named or taken back ("
            + renames
            + " renames from another tab meanwhile, "
            + renamesFailed
            + " of them told they did not go through, each kept and published later)");
    assertTrue(concurrent > 50 && leaves > 50 && posts > 200, "the runs must exercise the rules");
    assertTrue(minted > 400 && actedEarly > 50, "tabs must race for the first token");
    assertTrue(identities > 100 && identitiesAtOnce > 30 && stale > 30, "identities must change");
    assertTrue(queued > 500 && cuts > 200 && lost > 100, "outboxes must work through cuts");
    assertTrue(shown > 500, "tabs must show rooms while the rest goes on");
    assertTrue(deputies > 200 && renames > 100, "deputies must be named while tabs rename");
  }
}
