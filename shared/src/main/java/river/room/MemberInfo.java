package river.room;

import java.util.Arrays;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * What a member says about themselves: body {"room", "member", "version": uint,
 * "nickname": SealedBytes}, signed by the member or by the owner. Per member the highest version
 * wins (ties: the smaller encoded item), so a stale tab cannot roll a nickname back.
 */
public final class MemberInfo extends SignedItem {
  private final byte[] room;
  private final byte[] member;
  private final long version;
  private final SealedBytes nickname;

  public MemberInfo(byte[] room, byte[] member, long version, SealedBytes nickname,
      byte[] signature) {
    super(signature);
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0");
    }
    this.room = Arrays.copyOf(room, room.length);
    this.member = Arrays.copyOf(member, member.length);
    this.version = version;
    this.nickname = nickname;
  }

  public MemberInfo withSignature(byte[] signature) {
    return new MemberInfo(room, member, version, nickname, signature);
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
    return CborMap.builder().put("room", CborItem.bytes(room)).put("member", CborItem.bytes(member))
        .put("version", CborItem.uint(version)).put("nickname", nickname.toCbor()).build();
  }

  public static MemberInfo fromCbor(CborItem item) {
    return fromBody(bodyOf(item, "member_info"), signatureOf(item, "member_info"));
  }

  static MemberInfo fromBody(ItemReader b, byte[] signature) {
    return new MemberInfo(b.key("room"), b.key("member"), b.uint("version"),
        SealedBytes.fromCbor(b.any("nickname"), "nickname"), signature);
  }
}
