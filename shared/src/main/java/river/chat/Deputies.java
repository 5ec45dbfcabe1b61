package river.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import river.room.AuthorizedMember;
import river.room.MemberInfo;
import river.room.RoomState;
import river.rooms.Bytes;
import river.rooms.DeputyMarks;
import river.rooms.RoomData;

/**
 * Deputies (upstream #410): a member names others in their member info, and each may then ban
 * anyone below that member on the invitation chain, as the member could (the contract's rule is
 * {@code RoomState.mayBan}). The owner's deputies moderate the whole room. What the user asked is
 * kept as marks in the room data ({@link DeputyMarks}); the member info is made to follow them
 * ({@link #toPublish}) on every state a tab sees, so a rename signed in another tab at the same
 * moment, which replaces the info whole, cannot drop a naming for good.
 */
public final class Deputies {
  private Deputies() {}

  /**
   * True when {@code me} may name {@code target} now: I have someone below me (else a deputy could
   * ban no one for me), both are current members, not the same, the target is not the owner nor up
   * my chain (they can ban below me already), and my list has room.
   */
  public static boolean canName(RoomState state, byte[] me, byte[] target) {
    MemberInfo mine = SecretKeys.infoOf(state, me);
    return hasBelow(state, me)
        && state.isMember(target)
        && !Arrays.equals(me, target)
        && !Arrays.equals(target, state.owner())
        && !state.isAncestor(target, me)
        && (mine == null || !mine.names(target))
        && (mine == null || mine.deputies().size() < MemberInfo.MAX_DEPUTIES);
  }

  /**
   * True when a current member was invited by {@code me}, directly or not: then one was directly
   * (everyone below is reached through a direct invitee, who is current too). Linear: the member
   * list asks it for every row.
   */
  public static boolean hasBelow(RoomState state, byte[] me) {
    if (!state.isMember(me)) {
      return false;
    }
    for (AuthorizedMember m : state.members()) {
      if (Arrays.equals(m.invitedBy(), me) && state.isMember(m.member())) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code me}'s info names {@code target} (so they can be unnamed). */
  public static boolean isNamedBy(RoomState state, byte[] me, byte[] target) {
    MemberInfo mine = SecretKeys.infoOf(state, me);
    return mine != null && mine.names(target);
  }

  /** The current members whose info names {@code deputy}, in the room's order. */
  public static List<byte[]> namers(RoomState state, byte[] deputy) {
    List<byte[]> out = new ArrayList<byte[]>();
    if (!state.isMember(deputy)) {
      return out;
    }
    for (MemberInfo i : state.memberInfo()) {
      if (i.names(deputy) && state.isMember(i.member())) {
        out.add(i.member());
      }
    }
    return out;
  }

  /**
   * The deputy list {@code me}'s info should carry after the user's marks, or null when it carries
   * it already (or has no info to change yet). Marks only add a member named and remove one
   * unnamed: a naming the marks do not know (another tab's, not merged here yet) stays. A member
   * who is no longer current is not named again. Past the cap, keys are taken in ascending order.
   */
  public static List<byte[]> toPublish(RoomState state, RoomData data, byte[] me) {
    MemberInfo mine = SecretKeys.infoOf(state, me);
    if (mine == null || mine.left() || data.deputyMarks().isEmpty()) {
      return null;
    }
    List<byte[]> want = new ArrayList<byte[]>();
    for (byte[] k : mine.deputies()) {
      Long mark = data.deputyMarks().get(Bytes.of(k));
      if (mark == null || DeputyMarks.named(mark)) {
        want.add(k);
      }
    }
    boolean changed = want.size() != mine.deputies().size();
    for (Map.Entry<Bytes, Long> e : data.deputyMarks().entrySet()) {
      byte[] k = e.getKey().toArray();
      if (DeputyMarks.named(e.getValue())
          && !mine.names(k)
          && state.isMember(k)
          && !Arrays.equals(k, me)
          && want.size() < MemberInfo.MAX_DEPUTIES) {
        want.add(k);
        changed = true;
      }
    }
    return changed ? want : null;
  }
}
