package river.room;

import java.util.Arrays;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * A membership: body {"room": owner key, "member": key, "invited_by": key}, signed by {@code
 * invited_by}. Chains of invited_by links end at the owner, who is implicit and never has a
 * membership. The member id is the member's verifying key itself (32 bytes; unique, stable and
 * unforgeable, unlike upstream's 64-bit FastHash).
 */
public final class AuthorizedMember extends SignedItem {
  private final byte[] room;
  private final byte[] member;
  private final byte[] invitedBy;

  public AuthorizedMember(byte[] room, byte[] member, byte[] invitedBy, byte[] signature) {
    super(signature);
    this.room = Arrays.copyOf(room, room.length);
    this.member = Arrays.copyOf(member, member.length);
    this.invitedBy = Arrays.copyOf(invitedBy, invitedBy.length);
  }

  public AuthorizedMember withSignature(byte[] signature) {
    return new AuthorizedMember(room, member, invitedBy, signature);
  }

  public byte[] room() {
    return Arrays.copyOf(room, room.length);
  }

  public byte[] member() {
    return Arrays.copyOf(member, member.length);
  }

  public byte[] invitedBy() {
    return Arrays.copyOf(invitedBy, invitedBy.length);
  }

  byte[] memberShared() {
    return member;
  }

  byte[] roomShared() {
    return room;
  }

  byte[] invitedByShared() {
    return invitedBy;
  }

  @Override
  byte[] expectedSigner() {
    return invitedBy;
  }

  @Override
  public CborItem body() {
    return CborMap.builder()
        .put("room", CborItem.bytes(room))
        .put("member", CborItem.bytes(member))
        .put("invited_by", CborItem.bytes(invitedBy))
        .build();
  }

  public static AuthorizedMember fromCbor(CborItem item) {
    return fromBody(bodyOf(item, "member"), signatureOf(item, "member"));
  }

  static AuthorizedMember fromBody(ItemReader b, byte[] signature) {
    return new AuthorizedMember(b.key("room"), b.key("member"), b.key("invited_by"), signature);
  }
}
