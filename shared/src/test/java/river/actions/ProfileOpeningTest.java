package river.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tabs racing for the profile credential, alone (the action runs add the room actions): every
 * interleaving of first opens on a fresh profile, and of tabs that all find their token unknown to
 * the node (its data was reset) and replace it, ends with every tab on the one token the browser
 * stores, and a replacement on a token other than the unknown one.
 */
class ProfileOpeningTest {
  @Test
  void tabsOpenedOrReplacingAtOnceEndAsOneProfile() {
    int[] next = {0};
    int raced = 0;
    for (int seed = 1; seed <= 500; seed++) {
      Random rnd = new Random(seed);
      String[] browsers = {"b"};
      int[] counts = {2 + rnd.nextInt(3)};
      ProfileOpening.CredentialStore[] stores = {new ProfileOpening.CredentialStore()};
      List<String> first = new ArrayList<>();
      ProfileOpening opening = new ProfileOpening();
      opening.open(browsers, counts, stores, rnd, () -> "t" + (++next[0]), (b, t) -> first.add(t));
      String old = stores[0].stored;
      assertEquals(Set.of(old), new HashSet<>(first), "seed " + seed + ": first opens");
      raced += opening.minted > 1 ? 1 : 0;

      List<String> replaced = new ArrayList<>();
      new ProfileOpening()
          .open(
              browsers,
              counts,
              stores,
              new String[] {old},
              rnd,
              () -> "t" + (++next[0]),
              (b, t) -> replaced.add(t));
      assertEquals(
          Set.of(stores[0].stored), new HashSet<>(replaced), "seed " + seed + ": replacements");
      assertNotEquals(old, stores[0].stored, "seed " + seed + ": the unknown token stays");
    }
    assertTrue(raced > 200, "tabs must race for the first token");
  }
}
