package river.net;

/**
 * Which profile credential a tab uses after it minted one, decided inside the one read-write
 * transaction that reads the stored credential and may write it. Every tab of a browser profile
 * must be the same user, and tabs open at the same moment on a fresh profile all mint a token: the
 * store is insert-if-absent (first writer wins) and every tab adopts what is stored, its own minted
 * token only when it was the one written. Hazard: a tab that used its own token after losing the
 * race was a different user, and what it did (rooms created, messages) vanished on a reload; so a
 * tab adopts before it acts.
 *
 * <p>Replacing a token the node no longer knows follows the same rule: the new one is written only
 * over that same unknown token (or an empty store), so tabs that ask one after the other all end on
 * the first new profile instead of each minting its own.
 */
public final class ProfileClaim {
  /** What the transaction writes (null: nothing) and the token the tab then uses. */
  public static final class Outcome {
    public final String write;
    public final String adopt;

    Outcome(String write, String adopt) {
      this.write = write;
      this.adopt = adopt;
    }
  }

  private ProfileClaim() {}

  /**
   * @param stored the token the store holds now, or null when it holds none
   * @param replacing the token the node no longer knows that this tab replaces, or null on a first
   *     open
   * @param minted the token this tab just got from the node
   */
  public static Outcome decide(String stored, String replacing, String minted) {
    if (minted == null || minted.isEmpty()) {
      throw new IllegalArgumentException("a claim needs the token the node minted");
    }
    if (stored != null && !stored.equals(replacing)) {
      return new Outcome(null, stored); // another tab stored (or replaced) first: adopt its token
    }
    return new Outcome(minted, minted);
  }
}
