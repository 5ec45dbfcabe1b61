package river.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import river.cbor.Cbor;
import river.cbor.CborItem;
import river.cbor.ReadOnly;

/**
 * A room's state in canonical form: the same CBOR shape as {@link RoomDelta} with every list sorted
 * (members and member info by member key, bans by id, messages and direct messages by (time, id),
 * DM tombstones by (time, id)) and cleaned up (see {@link RoomMerge}), so equal states encode to
 * equal bytes. Only RoomMerge builds one. The owner (contract key) is not in the bytes: the caller
 * knows which room it asked for. A banned member's own membership record stays beside their ban (it
 * shows who was banned); the records of those they invited go with them. {@link #isMember} answers
 * who currently belongs.
 */
public final class RoomState {
  final byte[] owner;
  final RoomConfig config;
  final List<AuthorizedMember> members;
  final List<MemberInfo> memberInfo;
  final List<UserBan> bans;
  final List<RoomMessage> messages;
  final List<SecretRotation> rotations;
  final List<DirectMessage> directMessages;
  final List<DmDelete> dmDeletes;
  private Set<String> effective;

  /** The invitation tree, built on first use (a member list asks it for every row). */
  private MemberGraph graph;

  RoomState(
      byte[] owner,
      RoomConfig config,
      List<AuthorizedMember> members,
      List<MemberInfo> memberInfo,
      List<UserBan> bans,
      List<RoomMessage> messages,
      List<SecretRotation> rotations,
      List<DirectMessage> directMessages,
      List<DmDelete> dmDeletes) {
    this.directMessages = ReadOnly.list(directMessages);
    this.dmDeletes = ReadOnly.list(dmDeletes);
    this.owner = Arrays.copyOf(owner, owner.length);
    this.config = config;
    this.members = ReadOnly.list(members);
    this.memberInfo = ReadOnly.list(memberInfo);
    this.bans = ReadOnly.list(bans);
    this.messages = ReadOnly.list(messages);
    this.rotations = ReadOnly.list(rotations);
  }

  /** The room before its first Put: no config, nothing else. */
  public static RoomState empty(byte[] owner) {
    if (owner.length != ItemReader.KEY_BYTES) {
      throw new IllegalArgumentException("room owner key must be 32 bytes");
    }
    List<AuthorizedMember> m = new ArrayList<AuthorizedMember>();
    return new RoomState(
        owner,
        null,
        m,
        new ArrayList<MemberInfo>(),
        new ArrayList<UserBan>(),
        new ArrayList<RoomMessage>(),
        new ArrayList<SecretRotation>(),
        new ArrayList<DirectMessage>(),
        new ArrayList<DmDelete>());
  }

  /**
   * Decodes and normalizes state bytes WITHOUT verifying signatures (for a client that trusts its
   * node); the node validates with {@link RoomContract} instead.
   */
  public static RoomState decodeTrusted(byte[] owner, byte[] bytes) {
    return RoomMerge.merge(empty(owner), RoomDelta.decode(bytes));
  }

  public byte[] owner() {
    return Arrays.copyOf(owner, owner.length);
  }

  /** Null only for the empty room. */
  public RoomConfig config() {
    return config;
  }

  public List<AuthorizedMember> members() {
    return members;
  }

  public List<MemberInfo> memberInfo() {
    return memberInfo;
  }

  public List<UserBan> bans() {
    return bans;
  }

  /** Oldest first. */
  public List<RoomMessage> messages() {
    return messages;
  }

  /** The newest secret rotation the room keeps (at most {@link RoomMerge#KEPT_ROTATIONS}). */
  public List<SecretRotation> rotations() {
    return rotations;
  }

  /**
   * Direct messages the room keeps, oldest first by (time, id) (at most {@link
   * RoomMerge#MAX_DIRECT_MESSAGES}, {@link RoomMerge#MAX_DMS_PER_PAIR} per sender and recipient;
   * none a kept tombstone removes).
   */
  public List<DirectMessage> directMessages() {
    return directMessages;
  }

  /** Kept DM tombstones (see {@link RoomMerge#KEPT_DM_DELETES}). */
  public List<DmDelete> dmDeletes() {
    return dmDeletes;
  }

  /**
   * The newest secret version of a private room: the config's, or a later rotation's. New content
   * is sealed with it; the validator refuses content of any later version.
   */
  public long secretVersion() {
    long v = config == null ? 0 : config.secretVersion();
    for (SecretRotation r : rotations) {
      v = Math.max(v, r.version());
    }
    return v;
  }

  /** True for the owner and for every member whose chain reaches the owner without a ban. */
  public boolean isMember(byte[] key) {
    return effective().contains(UnsignedBytes.hex(key));
  }

  private Set<String> effective() {
    if (effective == null) {
      effective = graph().effective(bans);
    }
    return effective;
  }

  /**
   * True when {@code issuer} may ban {@code target} now: the rule the validator applies ({@link
   * BanRule}: up the chain or a deputy one named, never a ban that removes its issuer) and the view
   * asks ({@code river.chat.Bans}).
   */
  public boolean mayBan(byte[] issuer, byte[] target) {
    return BanRule.refusal(graph(), effective(), memberInfo, issuer, target) == null;
  }

  /** True when {@code ancestor} is on {@code member}'s invitation chain above it. */
  public boolean isAncestor(byte[] ancestor, byte[] member) {
    return graph().isAncestor(ancestor, member);
  }

  private MemberGraph graph() {
    if (graph == null) {
      graph = new MemberGraph(owner, members);
    }
    return graph;
  }

  public RoomDelta asDelta() {
    return new RoomDelta(
        config, members, memberInfo, bans, messages, rotations, directMessages, dmDeletes);
  }

  public CborItem toCbor() {
    return asDelta().toCbor();
  }

  public byte[] encode() {
    return Cbor.encode(toCbor());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoomState
        && Arrays.equals(((RoomState) o).owner, owner)
        && Arrays.equals(((RoomState) o).encode(), encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encode());
  }
}
