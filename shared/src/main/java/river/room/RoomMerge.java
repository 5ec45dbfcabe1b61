package river.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merge = union of items, then one cleanup that is a pure function of that union: the config with
 * the highest (version, then smaller encoding); one membership record per key (smallest encoding,
 * see {@link MemberGraph}); records whose chain does not reach the owner dropped; records cut off
 * by a ban dropped, except the banned member's own (it shows who was banned), with one ban per
 * banned member (the smallest by signature); member info of current members only, highest (version,
 * then smaller encoding) per member; messages of current members only, the newest
 * max_recent_messages by (time, id); of the secret rotations, only the newest ({@link
 * #KEPT_ROTATIONS}: highest version, then smaller encoding; each one carries the older versions
 * sealed under its own secret, so a member holding it reads older content); of the direct messages,
 * those between two current members that no tombstone removes, the newest {@link #MAX_DMS_PER_PAIR}
 * per (sender, recipient) and of those the newest {@link #MAX_DIRECT_MESSAGES} by (time, id); of
 * the DM tombstones, those of current members naming themselves as a party, the newest {@link
 * #KEPT_DM_DELETES} per deleting member. Nothing is evicted to honour max_members: the validator
 * refuses joins over it instead, so lowering the limit never removes anyone. Every choice is a max,
 * a set union or a "newest N" under a total order of the items themselves, which makes merge
 * commutative, idempotent and associative.
 *
 * <p>Known hazards (also upstream's): (1) when message retention overflows and a ban removes an
 * author's messages, a replica that dropped an older message before the ban arrived cannot get it
 * back; (2) a raised limit does not bring back what replicas already dropped; (3) the ban cap is
 * enforced on new bans, so concurrent bans may exceed it. No signature is checked here: {@link
 * RoomValidator} runs first, and {@link RoomContract} refuses any update whose new items this
 * cleanup would drop, so the node never answers ok for content it did not keep.
 */
public final class RoomMerge {
  /**
   * Secret rotations a room keeps: one. A record holds a wrap per member (~110 bytes each, ~22 KB
   * for 200 members), so keeping more would not fit a full room in the node's 256 KiB row; older
   * versions travel inside the newest record instead ({@link SecretRotation#earlier()}).
   */
  public static final int KEPT_ROTATIONS = 1;

  /** Direct messages a room keeps (upstream's default). */
  public static final int MAX_DIRECT_MESSAGES = 300;

  /** Direct messages kept per ordered (sender, recipient) pair. */
  public static final int MAX_DMS_PER_PAIR = 100;

  /**
   * DM tombstones kept per deleting member: the newest 1000 (upstream keeps as many per recipient).
   * Hazard: once a tombstone falls out, a replica that still holds the DM it removed and sends it
   * again brings that DM back (it is then refused only if it is older than the kept DMs).
   */
  public static final int KEPT_DM_DELETES = 1000;

  private RoomMerge() {}

  public static RoomState merge(RoomState a, RoomState b) {
    if (!Arrays.equals(a.owner, b.owner)) {
      throw new IllegalArgumentException("states of different rooms");
    }
    return merge(a, b.asDelta());
  }

  public static RoomState merge(RoomState state, RoomDelta delta) {
    RoomConfig config = better(state.config, delta.config);
    return cleanup(
        state.owner,
        config,
        concat(state.members, delta.members),
        concat(state.memberInfo, delta.memberInfo),
        concat(state.bans, delta.bans),
        concat(state.messages, delta.messages),
        concat(state.rotations, delta.rotations),
        concat(state.directMessages, delta.directMessages),
        concat(state.dmDeletes, delta.dmDeletes));
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

  private static RoomState cleanup(
      byte[] owner,
      RoomConfig config,
      List<AuthorizedMember> allMembers,
      List<MemberInfo> allInfo,
      List<UserBan> allBans,
      List<RoomMessage> allMessages,
      List<SecretRotation> allRotations,
      List<DirectMessage> allDms,
      List<DmDelete> allDeletes) {
    if (config != null && !Arrays.equals(config.roomShared(), owner)) {
      config = null;
    }
    int[] limits = config != null ? config.limits() : RoomConfig.defaultLimits();
    final int maxMessages = limits[0];

    List<AuthorizedMember> candidates = new ArrayList<AuthorizedMember>();
    for (AuthorizedMember m : allMembers) {
      if (Arrays.equals(m.roomShared(), owner)
          && !Arrays.equals(m.memberShared(), owner)
          && !Arrays.equals(m.memberShared(), m.invitedByShared())) {
        candidates.add(m);
      }
    }
    MemberGraph all = new MemberGraph(owner, candidates);
    Map<String, Integer> depth = all.depths();
    List<AuthorizedMember> reachable = new ArrayList<AuthorizedMember>();
    for (AuthorizedMember m : all.records()) {
      if (depth.containsKey(UnsignedBytes.hex(m.memberShared()))) {
        reachable.add(m);
      }
    }
    List<UserBan> roomBans = new ArrayList<UserBan>();
    for (UserBan b : distinct(allBans)) {
      if (Arrays.equals(b.roomShared(), owner)) {
        roomBans.add(b);
      }
    }
    Collections.sort(roomBans, BY_SIGNATURE);
    Set<String> banned = MemberGraph.bannedKeys(roomBans);
    Set<String> effective = new MemberGraph(owner, reachable).effective(roomBans);

    // kept: current members, and the banned members at the edge of the current tree
    List<AuthorizedMember> members = new ArrayList<AuthorizedMember>();
    Set<String> atEdge = new HashSet<String>();
    for (AuthorizedMember m : reachable) {
      String k = UnsignedBytes.hex(m.memberShared());
      if (effective.contains(k)) {
        members.add(m);
      } else if (banned.contains(k) && effective.contains(UnsignedBytes.hex(m.invitedByShared()))) {
        members.add(m);
        atEdge.add(k);
      }
    }
    Collections.sort(members, BY_MEMBER);
    List<UserBan> bans = new ArrayList<UserBan>();
    for (UserBan b : roomBans) { // smallest first: the first ban of each edge member is kept
      if (atEdge.remove(UnsignedBytes.hex(b.bannedShared()))) {
        bans.add(b);
      }
    }

    Map<String, MemberInfo> info = new HashMap<String, MemberInfo>();
    for (MemberInfo i : allInfo) {
      String k = UnsignedBytes.hex(i.memberShared());
      if (!Arrays.equals(i.roomShared(), owner) || !effective.contains(k)) {
        continue;
      }
      if (i.replaces(info.get(k))) {
        info.put(k, i);
      }
    }
    List<MemberInfo> infos = new ArrayList<MemberInfo>(info.values());
    Collections.sort(
        infos,
        new Comparator<MemberInfo>() {
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
    Collections.sort(
        messages,
        new Comparator<RoomMessage>() {
          @Override
          public int compare(RoomMessage a, RoomMessage b) {
            int c = RoomMessage.compareAge(a, b);
            return c != 0 ? c : UnsignedBytes.compare(a.encoded(), b.encoded());
          }
        });
    if (messages.size() > maxMessages) {
      messages =
          new ArrayList<RoomMessage>(
              messages.subList(messages.size() - maxMessages, messages.size()));
    }
    SecretRotation newest = null;
    for (SecretRotation r : allRotations) {
      if (!Arrays.equals(r.roomShared(), owner)) {
        continue;
      }
      if (newest == null
          || r.version() > newest.version()
          || (r.version() == newest.version()
              && UnsignedBytes.compare(r.encoded(), newest.encoded()) < 0)) {
        newest = r;
      }
    }
    List<SecretRotation> rotations = new ArrayList<SecretRotation>();
    if (newest != null) {
      rotations.add(newest);
    }
    List<DmDelete> deletes = DirectMessages.keptDeletes(owner, effective, allDeletes);
    List<DirectMessage> dms = DirectMessages.kept(owner, effective, allDms, allDeletes);
    return new RoomState(owner, config, members, infos, bans, messages, rotations, dms, deletes);
  }

  static final Comparator<AuthorizedMember> BY_MEMBER =
      new Comparator<AuthorizedMember>() {
        @Override
        public int compare(AuthorizedMember a, AuthorizedMember b) {
          return UnsignedBytes.compare(a.memberShared(), b.memberShared());
        }
      };

  static final Comparator<UserBan> BY_SIGNATURE =
      new Comparator<UserBan>() {
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
