package river.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.room.AuthorizedMember;
import river.room.RoomState;

/**
 * The memberships that admit a member, read from the room: the inviter's, the inviter's inviter's,
 * up to (not including) the owner, who has none. An exported identity carries them so a room
 * replica that misses a link can be given it. Stops at a missing link or a loop (a room never holds
 * one, but the walk must end whatever it is given).
 */
public final class MembershipChain {
  private MembershipChain() {}

  /** The inviters' memberships of {@code member}, nearest first (the member's own excluded). */
  public static List<AuthorizedMember> of(RoomState state, byte[] member) {
    List<AuthorizedMember> chain = new ArrayList<AuthorizedMember>();
    AuthorizedMember m = find(state, member);
    while (m != null && chain.size() <= state.members().size()) {
      byte[] inviter = m.invitedBy();
      if (Arrays.equals(inviter, state.owner())) {
        break;
      }
      m = find(state, inviter);
      if (m != null) {
        chain.add(m);
      }
    }
    return chain;
  }

  private static AuthorizedMember find(RoomState state, byte[] member) {
    for (AuthorizedMember m : state.members()) {
      if (Arrays.equals(m.member(), member)) {
        return m;
      }
    }
    return null;
  }
}
