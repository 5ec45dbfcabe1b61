package river.chat;

import java.util.Arrays;
import river.room.AuthorizedMember;
import river.room.RoomState;

/**
 * Who may ban whom, as the room contract decides it ({@code RoomState.mayBan}: the owner, an
 * inviter up the banned member's chain, or a deputy one of them named; never the owner, never a ban
 * that would remove yourself), offered only for a current member. A ban also removes everyone the
 * banned member invited, directly or not (the contract's cascade), so the UI offers it only where
 * the node will accept it.
 */
public final class Bans {
  private Bans() {}

  public static boolean canBan(RoomState state, byte[] me, byte[] target) {
    return state.isMember(target) && state.mayBan(me, target);
  }

  /**
   * Why an invitation cannot be used in the room as it is now, or null when it can: its invitee was
   * removed (banned, or someone up their chain was), or its inviter is no longer a member. Decided
   * before anything is sent, because the node's refusal is written for programs.
   */
  public static String joinRefusal(RoomState state, AuthorizedMember membership) {
    byte[] invitee = membership.member();
    if (inviterOf(state, invitee) != null && !state.isMember(invitee)) {
      return "You were removed from this room, so this invitation no longer works. If you should"
          + " be let back in, ask someone in the room for a new invitation.";
    }
    if (!state.isMember(membership.invitedBy())) {
      return "The member who created this invitation is no longer in the room, so it no longer"
          + " works. Ask someone in the room for a new invitation.";
    }
    return null;
  }

  private static byte[] inviterOf(RoomState state, byte[] member) {
    for (AuthorizedMember m : state.members()) {
      if (Arrays.equals(m.member(), member)) {
        return m.invitedBy();
      }
    }
    return null;
  }
}
