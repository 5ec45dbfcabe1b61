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
 * without it. {@code "encryption_key": bytes(65)} (only when set) is the member's P-256 public key
 * for private rooms: the owner wraps each new secret version for it ({@link SecretRotation}).
 * Hazard: both optional fields are written only when set, so every info signed before they existed
 * keeps its bytes and its signature.
 */
public final class MemberInfo extends SignedItem {
  private final byte[] room;
  private final byte[] member;
  private final long version;
  private final SealedBytes nickname;
  private final boolean left;
  private final byte[] encryptionKey;

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
    this(room, member, version, nickname, left, null, signature);
  }

  public MemberInfo(
      byte[] room,
      byte[] member,
      long version,
      SealedBytes nickname,
      boolean left,
      byte[] encryptionKey,
      byte[] signature) {
    super(signature);
    if (encryptionKey != null && encryptionKey.length != SecretRotation.PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException("an encryption key is a 65-byte P-256 point");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0");
    }
    this.room = Arrays.copyOf(room, room.length);
    this.member = Arrays.copyOf(member, member.length);
    this.version = version;
    this.nickname = nickname;
    this.left = left;
    this.encryptionKey =
        encryptionKey == null ? null : Arrays.copyOf(encryptionKey, encryptionKey.length);
  }

  public MemberInfo withSignature(byte[] signature) {
    return new MemberInfo(room, member, version, nickname, left, encryptionKey, signature);
  }

  /** The unsigned next version: the same member, nickname and key, {@code left} as given. */
  public MemberInfo next(boolean left) {
    return new MemberInfo(room, member, version + 1, nickname, left, encryptionKey, new byte[0]);
  }

  /** The unsigned next version publishing {@code key} (65 bytes) as the member's encryption key. */
  public MemberInfo withEncryptionKey(byte[] key) {
    return new MemberInfo(room, member, version + 1, nickname, left, key, new byte[0]);
  }

  /** The member's published P-256 public key for private rooms, or null (not published yet). */
  public byte[] encryptionKey() {
    return encryptionKey == null ? null : Arrays.copyOf(encryptionKey, encryptionKey.length);
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
    if (encryptionKey != null) {
      b.put("encryption_key", CborItem.bytes(encryptionKey));
    }
    return b.build();
  }

  public static MemberInfo fromCbor(CborItem item) {
    return fromBody(bodyOf(item, "member_info"), signatureOf(item, "member_info"));
  }

  static MemberInfo fromBody(ItemReader b, byte[] signature) {
    boolean left = b.optional("left") != null && b.bool("left");
    byte[] key =
        b.optional("encryption_key") == null
            ? null
            : b.bytes("encryption_key", SecretRotation.PUBLIC_KEY_BYTES);
    return new MemberInfo(
        b.key("room"),
        b.key("member"),
        b.uint("version"),
        SealedBytes.fromCbor(b.any("nickname"), "nickname"),
        left,
        key,
        signature);
  }
}
