package river.rooms;

/**
 * One identity per room, and the node signs with it. A profile holds at most one identity in a
 * room: the RoomData in ROOMS (when two tabs join at once, {@link RoomDataMerge} picks the winner:
 * the newer identity generation, ties broken on bytes, the same in every tab). The node holds one
 * signing key per room for the user and signs with it whatever the tab asks; a message whose author
 * is the held identity but whose signature is the node's other key is refused ("this key is not the
 * signer"). Two stores with two writers each cannot be updated together, so the rule is one-way:
 * <b>the node's key follows the held identity</b>, never the reverse. A held identity that carries
 * its seed (joined through an invitation, or migrated from the legacy blob) can always be put back
 * on the node; one the node created (a room owner's) never left the node and needs nothing. Hazard:
 * deciding "already a member" only before the slow steps of a join is not enough; a tab that loses
 * the race has already replaced the node's key and must put the held one back.
 */
public final class SigningIdentity {
  /** An Ed25519 private key as the node imports it. */
  public static final int SEED_BYTES = 32;

  public enum Join {
    /** The profile holds no identity in the room (or left it): the new identity enters ROOMS. */
    ACCEPT,
    /** The profile holds an identity there already: it stays, and the node's key follows it. */
    ALREADY_MEMBER
  }

  private SigningIdentity() {}

  /** Asked before a join touches anything, and again at its end (another tab may have joined). */
  public static Join join(Rooms rooms, RoomKey room) {
    return rooms.holds(room) ? Join.ALREADY_MEMBER : Join.ACCEPT;
  }

  /** True when the held identity can be put back on the node (it carries its private key). */
  public static boolean carriesSeed(RoomData held) {
    return held != null
        && held.signingKey().length() == SEED_BYTES
        && held.verifyingKey().length() == SEED_BYTES;
  }

  /**
   * The seed to import so that the node signs as {@code held}, or null when nothing is to be done:
   * the node already has that key, or the identity's key lives only on the node.
   *
   * @param nodePublicKey the public half of the node's key for the room, or null when it has none
   */
  public static Bytes seedToStore(RoomData held, Bytes nodePublicKey) {
    if (!carriesSeed(held) || held.verifyingKey().equals(nodePublicKey)) {
      return null;
    }
    return held.signingKey();
  }

  /** True when the held identity of a room changed between two ROOMS (a merge, a join, a push). */
  public static boolean identityChanged(RoomData before, RoomData after) {
    if (after == null) {
      return false;
    }
    return before == null
        || !before.verifyingKey().equals(after.verifyingKey())
        || !before.signingKey().equals(after.signingKey());
  }
}
