package river.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merge = union of items, then one cleanup that is a pure function of that union: the config with
 * the highest (version, then smaller encoding); one membership record per key (smallest
 * encoding); records whose chain does not reach the owner dropped; at most max_members records,
 * shallowest first (ties by key), so an ancestor is always kept before its invitees; every ban;
 * member info of current members only, highest (version, then smaller encoding) per member;
 * messages of current members only, the newest max_recent_messages by (time, id). Every choice is
 * a max, a set union or a "newest N" under a total order of the items themselves, which makes
 * merge commutative, idempotent and associative.
 *
 * <p>Known hazards (also upstream's): (1) when message retention overflows and a ban removes an
 * author's messages, a replica that dropped an older message before the ban arrived cannot get it
 * back; (2) a key invited twice, or a raised limit, can change what survives on replicas that
 * already cleaned up; (3) the ban cap is enforced on new bans, so concurrent bans may exceed it.
 * Membership records are not removed by bans (they prove ban authority and cost one slot each).
 * No signature is checked here: {@link RoomValidator} runs first.
 */
public final class RoomMerge {
  private RoomMerge() {}

  public static RoomState merge(RoomState a, RoomState b) {
    if (!Arrays.equals(a.owner, b.owner)) {
      throw new IllegalArgumentException("states of different rooms");
    }
    return merge(a, b.asDelta());
  }

  public static RoomState merge(RoomState state, RoomDelta delta) {
    RoomConfig config = better(state.config, delta.config);
    return cleanup(state.owner, config, concat(state.members, delta.members),
        concat(state.memberInfo, delta.memberInfo), concat(state.bans, delta.bans),
        concat(state.messages, delta.messages));
  }

  static RoomConfig better(RoomConfig a, RoomConfig b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    if (a.version() != b.version()) {
      return a.version() > b.version() ? a : b;
    }
    return UnsignedBytes.compare(a.encoded(), b.encoded()) <= 0 ? a : b;
  }

  private static RoomState cleanup(byte[] owner, RoomConfig config,
      List<AuthorizedMember> allMembers, List<MemberInfo> allInfo, List<UserBan> allBans,
      List<RoomMessage> allMessages) {
    if (config != null && !Arrays.equals(config.roomShared(), owner)) {
      config = null;
    }
    int[] limits = config != null ? config.limits() : RoomConfig.defaultLimits();
    final int maxMessages = limits[0];
    final int maxMembers = limits[3];

    List<AuthorizedMember> candidates = new ArrayList<AuthorizedMember>();
    for (AuthorizedMember m : allMembers) {
      if (Arrays.equals(m.roomShared(), owner) && !Arrays.equals(m.memberShared(), owner)
          && !Arrays.equals(m.memberShared(), m.invitedByShared())) {
        candidates.add(m);
      }
    }
    final Map<String, Integer> depth = new MemberGraph(owner, candidates).depths();
    List<AuthorizedMember> reachable = new ArrayList<AuthorizedMember>();
    for (AuthorizedMember m : new MemberGraph(owner, candidates).records()) {
      if (depth.containsKey(UnsignedBytes.hex(m.memberShared()))) {
        reachable.add(m);
      }
    }
    Collections.sort(reachable, new Comparator<AuthorizedMember>() {
      @Override
      public int compare(AuthorizedMember a, AuthorizedMember b) {
        int da = depth.get(UnsignedBytes.hex(a.memberShared()));
        int db = depth.get(UnsignedBytes.hex(b.memberShared()));
        return da != db ? (da < db ? -1 : 1)
            : UnsignedBytes.compare(a.memberShared(), b.memberShared());
      }
    });
    List<AuthorizedMember> members =
        new ArrayList<AuthorizedMember>(reachable.subList(0, Math.min(maxMembers, reachable.size())));
    Collections.sort(members, BY_MEMBER);

    List<UserBan> bans = new ArrayList<UserBan>();
    for (UserBan b : distinct(allBans)) {
      if (Arrays.equals(b.roomShared(), owner)) {
        bans.add(b);
      }
    }
    Collections.sort(bans, BY_SIGNATURE);

    Set<String> effective = new MemberGraph(owner, members).effective(bans);

    Map<String, MemberInfo> info = new HashMap<String, MemberInfo>();
    for (MemberInfo i : allInfo) {
      String k = UnsignedBytes.hex(i.memberShared());
      if (!Arrays.equals(i.roomShared(), owner) || !effective.contains(k)) {
        continue;
      }
      MemberInfo old = info.get(k);
      if (old == null || i.version() > old.version() || (i.version() == old.version()
          && UnsignedBytes.compare(i.encoded(), old.encoded()) < 0)) {
        info.put(k, i);
      }
    }
    List<MemberInfo> infos = new ArrayList<MemberInfo>(info.values());
    Collections.sort(infos, new Comparator<MemberInfo>() {
      @Override
      public int compare(MemberInfo a, MemberInfo b) {
        return UnsignedBytes.compare(a.memberShared(), b.memberShared());
      }
    });

    List<RoomMessage> messages = new ArrayList<RoomMessage>();
    for (RoomMessage m : distinct(allMessages)) {
      if (Arrays.equals(m.roomShared(), owner)
          && effective.contains(UnsignedBytes.hex(m.authorShared()))) {
        messages.add(m);
      }
    }
    Collections.sort(messages, new Comparator<RoomMessage>() {
      @Override
      public int compare(RoomMessage a, RoomMessage b) {
        int c = RoomMessage.compareAge(a, b);
        return c != 0 ? c : UnsignedBytes.compare(a.encoded(), b.encoded());
      }
    });
    if (messages.size() > maxMessages) {
      messages = new ArrayList<RoomMessage>(
          messages.subList(messages.size() - maxMessages, messages.size()));
    }
    return new RoomState(owner, config, members, infos, bans, messages);
  }

  static final Comparator<AuthorizedMember> BY_MEMBER = new Comparator<AuthorizedMember>() {
    @Override
    public int compare(AuthorizedMember a, AuthorizedMember b) {
      return UnsignedBytes.compare(a.memberShared(), b.memberShared());
    }
  };

  static final Comparator<UserBan> BY_SIGNATURE = new Comparator<UserBan>() {
    @Override
    public int compare(UserBan a, UserBan b) {
      int c = UnsignedBytes.compare(a.signatureShared(), b.signatureShared());
      return c != 0 ? c : UnsignedBytes.compare(a.encoded(), b.encoded());
    }
  };

  private static <T> List<T> concat(Collection<T> a, Collection<T> b) {
    List<T> out = new ArrayList<T>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  private static <T> Collection<T> distinct(List<T> items) {
    return new LinkedHashSet<T>(items);
  }
}
