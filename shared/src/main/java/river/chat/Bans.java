package river.chat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import river.room.AuthorizedMember;
import river.room.RoomState;
import river.store.Base58;

/**
 * Who may ban whom, as the room contract decides it: the owner, or an inviter up the banned
 * member's invitation chain; never the owner, never yourself. A ban also removes everyone the
 * banned member invited, directly or not (the contract's cascade), so the UI offers it only where
 * the node will accept it.
 */
public final class Bans {
  private Bans() {}

  public static boolean canBan(RoomState state, byte[] me, byte[] target) {
    byte[] owner = state.owner();
    if (Arrays.equals(target, owner)
        || Arrays.equals(target, me)
        || !state.isMember(me)
        || !state.isMember(target)) {
      return false;
    }
    if (Arrays.equals(me, owner)) {
      return true;
    }
    Set<String> seen = new HashSet<String>();
    byte[] at = target;
    while (at != null && seen.add(Base58.encode(at))) {
      byte[] inviter = inviterOf(state, at);
      if (inviter == null) {
        return false;
      }
      if (Arrays.equals(inviter, me)) {
        return true;
      }
      at = inviter;
    }
    return false;
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
