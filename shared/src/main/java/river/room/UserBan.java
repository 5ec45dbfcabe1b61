package river.room;

import java.util.Arrays;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * A ban: body {"room", "banned": key, "banned_by": key, "time": uint ms}, signed by {@code
 * banned_by}, who must be the owner or an ancestor of the banned member in the invitation chain.
 * The ban id is the signature (64 bytes: unique per ban and unforgeable). A ban removes the banned
 * member and, by cascade, everyone whose chain passes through them.
 */
public final class UserBan extends SignedItem {
  private final byte[] room;
  private final byte[] banned;
  private final byte[] bannedBy;
  private final long time;

  public UserBan(byte[] room, byte[] banned, byte[] bannedBy, long time, byte[] signature) {
    super(signature);
    if (time < 0) {
      throw new IllegalArgumentException("time must be >= 0");
    }
    this.room = Arrays.copyOf(room, room.length);
    this.banned = Arrays.copyOf(banned, banned.length);
    this.bannedBy = Arrays.copyOf(bannedBy, bannedBy.length);
    this.time = time;
  }

  public UserBan withSignature(byte[] signature) {
    return new UserBan(room, banned, bannedBy, time, signature);
  }

  public byte[] banned() {
    return Arrays.copyOf(banned, banned.length);
  }

  byte[] bannedShared() {
    return banned;
  }

  public byte[] bannedBy() {
    return Arrays.copyOf(bannedBy, bannedBy.length);
  }

  byte[] roomShared() {
    return room;
  }

  public long time() {
    return time;
  }

  /** The ban id: its signature. */
  public byte[] id() {
    return signature();
  }

  @Override
  byte[] expectedSigner() {
    return bannedBy;
  }

  @Override
  public CborItem body() {
    return CborMap.builder()
        .put("room", CborItem.bytes(room))
        .put("banned", CborItem.bytes(banned))
        .put("banned_by", CborItem.bytes(bannedBy))
        .put("time", CborItem.uint(time))
        .build();
  }

  public static UserBan fromCbor(CborItem item) {
    return fromBody(bodyOf(item, "ban"), signatureOf(item, "ban"));
  }

  static UserBan fromBody(ItemReader b, byte[] signature) {
    return new UserBan(
        b.key("room"), b.key("banned"), b.key("banned_by"), b.uint("time"), signature);
  }
}
