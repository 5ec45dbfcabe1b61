package river.identity;

import static org.junit.jupiter.api.Assertions.*;
import static river.identity.IdentityFixtures.*;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import river.engine.World;
import river.rooms.Bytes;

/**
 * The import against a stale tab, over the tab engines and the delegate model: one tab imports an
 * identity over the one the profile holds while another tab, which has not seen the import yet,
 * saves its old copy of the room (a nickname change). Whatever order the requests and pushes take,
 * the store and both tabs end with the imported identity.
 */
class ImportAgainstStaleTabTest {
  private static void importWinsUnder(long seed) {
    World w = new World(seed, List.of());
    w.logging = false;
    w.now = 1000;
    int importer = w.openTab(), stale = w.openTab();
    w.runAll();
    // The old identity's generation is ahead of this clock (another machine's, skewed): only the
    // import's "above the held generation" keeps it from winning.
    w.act(importer, t -> t.join(held(ALICE, ALICE_MEMBERSHIP, 9000)));
    w.runAll();
    assertTrue(w.tab(stale).rooms().holds(ROOM), "both tabs hold the old identity");

    w.now = 2000;
    w.act(
        importer,
        t -> {
          ImportPlan p = ImportPlan.decide(t.rooms().room(ROOM), bobBlock(), w.now);
          assertEquals(ImportPlan.Kind.REPLACES_EXISTING, p.kind());
          t.join(p.toJoin());
        });
    w.act(stale, t -> t.setNickname(ROOM, "stale tab's name"));
    Random order = new Random(seed);
    int guard = 0;
    while (!w.queue.isEmpty()) {
      w.deliver(order.nextInt(w.queue.size()));
      assertTrue(++guard < 100_000, "no quiescence");
    }

    assertEquals(Bytes.of(BOB), w.slot(ROOM).data().verifyingKey(), "stored: seed " + seed);
    assertEquals(Bytes.of(BOB), w.tab(importer).rooms().room(ROOM).verifyingKey());
    assertEquals(
        Bytes.of(BOB), w.tab(stale).rooms().room(ROOM).verifyingKey(), "stale tab: seed " + seed);
    assertEquals(List.of(), w.problems);
  }

  @Test
  void theImportWinsWhateverTheOrderOfTheStaleTabsSave() {
    for (long seed = 1; seed <= 200; seed++) {
      importWinsUnder(seed);
    }
  }

  @Test
  void aStaleTabReloadedAfterTheImportLoadsTheImportedIdentity() {
    World w = new World(7, List.of());
    w.logging = false;
    int a = w.openTab(), b = w.openTab();
    w.runAll();
    w.act(a, t -> t.join(held(ALICE, ALICE_MEMBERSHIP, 1000)));
    w.runAll();
    w.now = 5000;
    w.act(a, t -> t.join(ImportPlan.decide(t.rooms().room(ROOM), bobBlock(), w.now).toJoin()));
    w.runAll();
    w.reload(b);
    w.runAll();
    assertEquals(Bytes.of(BOB), w.tab(b).rooms().room(ROOM).verifyingKey());
  }
}
