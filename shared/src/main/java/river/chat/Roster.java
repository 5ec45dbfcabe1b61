package river.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import river.room.AuthorizedMember;
import river.room.MemberInfo;
import river.room.RoomState;

/**
 * Who the member list shows: the owner, and every current member who has said who they are (member
 * info) and has not left. A record without info is an invitation that was accepted with another key
 * (a returning member keeps their old one) or a join still on its way, and a member who left is
 * gone for the others until they return; neither is listed, so a person appears once. Pure; ordered
 * as the state holds them (by key).
 */
public final class Roster {
  private Roster() {}

  public static List<byte[]> shown(RoomState state) {
    List<byte[]> out = new ArrayList<byte[]>();
    if (state == null || state.config() == null) {
      return out;
    }
    out.add(state.owner());
    Names names = Names.of(state);
    for (AuthorizedMember m : state.members()) {
      byte[] k = m.member();
      if (state.isMember(k) && hasInfo(state, k) && !names.hasLeft(k)) {
        out.add(k);
      }
    }
    return out;
  }

  private static boolean hasInfo(RoomState state, byte[] member) {
    for (MemberInfo i : state.memberInfo()) {
      if (Arrays.equals(i.member(), member)) {
        return true;
      }
    }
    return false;
  }
}
