package river.room;

import java.util.Arrays;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * What a member says about themselves: body {"room", "member", "version": uint, "nickname":
 * SealedBytes, "left": true (only when set)}, signed by the member or by the owner. Per member the
 * highest version wins (ties: the smaller encoded item), so a stale tab cannot roll a nickname
 * back. {@code left} is how a member leaves a room for the others: the member list stops showing
 * them, their messages stay under their name, and a rejoin with the same key is the next version
 * without it. Hazard: the field is written only when true, so every info signed before it existed
 * keeps its bytes and its signature.
 */
public final class MemberInfo extends SignedItem {
  private final byte[] room;
  private final byte[] member;
  private final long version;
  private final SealedBytes nickname;
  private final boolean left;

  public MemberInfo(
      byte[] room, byte[] member, long version, SealedBytes nickname, byte[] signature) {
    this(room, member, version, nickname, false, signature);
  }

  public MemberInfo(
      byte[] room,
      byte[] member,
      long version,
      SealedBytes nickname,
      boolean left,
      byte[] signature) {
    super(signature);
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0");
    }
    this.room = Arrays.copyOf(room, room.length);
    this.member = Arrays.copyOf(member, member.length);
    this.version = version;
    this.nickname = nickname;
    this.left = left;
  }

  public MemberInfo withSignature(byte[] signature) {
    return new MemberInfo(room, member, version, nickname, left, signature);
  }

  /** The unsigned next version: the same member and nickname, {@code left} as given. */
  public MemberInfo next(boolean left) {
    return new MemberInfo(room, member, version + 1, nickname, left, new byte[0]);
  }

  /** True when the member left the room (they are still a member until they return). */
  public boolean left() {
    return left;
  }

  public byte[] member() {
    return Arrays.copyOf(member, member.length);
  }

  byte[] memberShared() {
    return member;
  }

  byte[] roomShared() {
    return room;
  }

  public long version() {
    return version;
  }

  public SealedBytes nickname() {
    return nickname;
  }

  @Override
  byte[] expectedSigner() {
    return member;
  }

  @Override
  public CborItem body() {
    CborMap.Builder b =
        CborMap.builder()
            .put("room", CborItem.bytes(room))
            .put("member", CborItem.bytes(member))
            .put("version", CborItem.uint(version))
            .put("nickname", nickname.toCbor());
    if (left) {
      b.put("left", CborItem.TRUE);
    }
    return b.build();
  }

  public static MemberInfo fromCbor(CborItem item) {
    return fromBody(bodyOf(item, "member_info"), signatureOf(item, "member_info"));
  }

  static MemberInfo fromBody(ItemReader b, byte[] signature) {
    boolean left = b.optional("left") != null && b.bool("left");
    return new MemberInfo(
        b.key("room"),
        b.key("member"),
        b.uint("version"),
        SealedBytes.fromCbor(b.any("nickname"), "nickname"),
        left,
        signature);
  }
}
