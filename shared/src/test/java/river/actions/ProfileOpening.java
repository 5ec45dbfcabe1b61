package river.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import river.net.ProfileClaim;

/**
 * Several tabs of each browser opened at the same moment on a fresh profile, as the shell opens
 * them: read the stored credential; if there is none, mint a token at the node, then claim it in
 * one read-write transaction of the browser's credential store ({@link ProfileClaim}); only then
 * does the tab exist and act. The steps of all tabs run in a seeded random interleaving, and a tab
 * that has its token may act (create a room) while the others are still opening. Invariant, checked
 * by the simulator: every tab of a browser ends on the token the store holds.
 */
final class ProfileOpening {
  /** One browser's credential store (the shell's IndexedDB "profile" store). */
  static final class CredentialStore {
    String stored;
  }

  /** A tab on its way to a token. */
  private static final class Opening {
    final String browser;
    final CredentialStore store;
    final String replacing;
    int step; // 0: read, 1: mint, 2: claim
    String minted;

    Opening(String browser, CredentialStore store, String replacing) {
      this.browser = browser;
      this.store = store;
      this.replacing = replacing;
    }
  }

  /** Makes the tab once it has its token (and may let it act at once). */
  interface Opened {
    void opened(String browser, String token);
  }

  int minted;

  /**
   * Runs the openings of {@code counts[i]} tabs of {@code browsers[i]}, interleaved by {@code rnd};
   * {@code mint} asks the node for a new token.
   */
  void open(
      String[] browsers,
      int[] counts,
      CredentialStore[] stores,
      Random rnd,
      java.util.function.Supplier<String> mint,
      Opened opened) {
    open(browsers, counts, stores, new String[browsers.length], rnd, mint, opened);
  }

  /**
   * The same when the node no longer knows the token {@code replacing[i]} of browser i (null: a
   * first open): a stored token other than that one is adopted, else a new one is minted and
   * claimed over it.
   */
  void open(
      String[] browsers,
      int[] counts,
      CredentialStore[] stores,
      String[] replacing,
      Random rnd,
      java.util.function.Supplier<String> mint,
      Opened opened) {
    List<Opening> pending = new ArrayList<>();
    for (int b = 0; b < browsers.length; b++) {
      for (int i = 0; i < counts[b]; i++) {
        pending.add(new Opening(browsers[b], stores[b], replacing[b]));
      }
    }
    while (!pending.isEmpty()) {
      Opening o = pending.get(rnd.nextInt(pending.size()));
      Consumer<String> done =
          token -> {
            pending.remove(o);
            opened.opened(o.browser, token);
          };
      if (o.step == 0) {
        if (o.store.stored != null && !o.store.stored.equals(o.replacing)) {
          done.accept(o.store.stored);
        } else {
          o.step = 1;
        }
      } else if (o.step == 1) {
        o.minted = mint.get();
        minted++;
        o.step = 2;
      } else {
        ProfileClaim.Outcome outcome = ProfileClaim.decide(o.store.stored, o.replacing, o.minted);
        if (outcome.write != null) {
          o.store.stored = outcome.write;
        }
        done.accept(outcome.adopt);
      }
    }
  }
}
