package river.actions;

import river.room.RoomState;

/**
 * Which identity a join ends with, decided from the room as the node has it and the key the user's
 * node already holds for the room. The node's key is the truth: a tab never records an identity the
 * node does not hold (hazard: when they differ, every post is refused as "not the signer").
 *
 * <ul>
 *   <li>The node holds a key that is a current member of the room (the user left and returns, or
 *       another tab joined first): keep it. A member's place is fixed, so a rejoin is the same
 *       member: one entry in everyone's list, and the user can still edit their older messages.
 *   <li>Otherwise (no key, or a key that was banned or never admitted): import the invitation's
 *       key, and only if the node still holds what was seen ({@code if_held}), so two tabs
 *       accepting two invitations at once cannot both replace it: the loser adopts the winner's
 *       key.
 * </ul>
 */
public final class JoinIdentity {
  public enum Choice {
    KEEP_HELD,
    IMPORT_INVITED
  }

  private JoinIdentity() {}

  public static Choice decide(RoomState state, byte[] held) {
    return held != null && state.isMember(held) ? Choice.KEEP_HELD : Choice.IMPORT_INVITED;
  }
}
