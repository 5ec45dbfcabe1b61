package river.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import river.cbor.CborItem;
import river.cbor.CborKind;
import river.cbor.CborMap;

/**
 * What a member says about themselves: body {"room", "member", "version": uint, "nickname":
 * SealedBytes, "left": true (only when set)}, signed by the member or by the owner. Per member the
 * highest version wins (ties: the smaller encoded item), so a stale tab cannot roll a nickname
 * back. {@code left} is how a member leaves a room for the others: the member list stops showing
 * them, their messages stay under their name, and a rejoin with the same key is the next version
 * without it. {@code "encryption_key": bytes(65)} (only when set) is the member's P-256 public key
 * for private rooms: the owner wraps each new secret version for it ({@link SecretRotation}).
 * {@code "deputies": [bytes(32)...]} (only when not empty; at most {@link #MAX_DEPUTIES}, strictly
 * ascending) names members who may ban below this member ({@link BanRule}). Hazard: the optional
 * fields are written only when set, so every info signed before they existed keeps its bytes and
 * its signature; and the newest info replaces the older whole, so every info a member signs
 * (rename, key, leave, return) must carry the deputies on, or it revokes them.
 */
public final class MemberInfo extends SignedItem {
  private final byte[] room;
  private final byte[] member;
  private final long version;
  private final SealedBytes nickname;
  private final boolean left;
  private final byte[] encryptionKey;
  private final List<byte[]> deputies;

  /** How many deputies one member may name: a ban rule reads every current member's list. */
  public static final int MAX_DEPUTIES = 16;

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
    this(room, member, version, nickname, left, encryptionKey, null, signature);
  }

  public MemberInfo(
      byte[] room,
      byte[] member,
      long version,
      SealedBytes nickname,
      boolean left,
      byte[] encryptionKey,
      List<byte[]> deputies,
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
    this.deputies = canonicalDeputies(deputies);
  }

  /** Copies, sorted ascending without repeats; refuses more than the cap or a key of a bad size. */
  private static List<byte[]> canonicalDeputies(List<byte[]> given) {
    List<byte[]> out = new ArrayList<byte[]>();
    if (given == null) {
      return out;
    }
    for (byte[] k : given) {
      if (k.length != ItemReader.KEY_BYTES) {
        throw new IllegalArgumentException("a deputy is a 32-byte member key");
      }
      out.add(Arrays.copyOf(k, k.length));
    }
    Collections.sort(out, UnsignedBytes::compare);
    for (int i = out.size() - 1; i > 0; i--) {
      if (Arrays.equals(out.get(i), out.get(i - 1))) {
        out.remove(i);
      }
    }
    if (out.size() > MAX_DEPUTIES) {
      throw new IllegalArgumentException("at most " + MAX_DEPUTIES + " deputies");
    }
    return out;
  }

  public MemberInfo withSignature(byte[] signature) {
    return new MemberInfo(
        room, member, version, nickname, left, encryptionKey, deputies, signature);
  }

  /** The unsigned next version: the same member, nickname, key and deputies, {@code left} given. */
  public MemberInfo next(boolean left) {
    return new MemberInfo(
        room, member, version + 1, nickname, left, encryptionKey, deputies, new byte[0]);
  }

  /** The unsigned next version publishing {@code key} (65 bytes) as the member's encryption key. */
  public MemberInfo withEncryptionKey(byte[] key) {
    return new MemberInfo(room, member, version + 1, nickname, left, key, deputies, new byte[0]);
  }

  /**
   * The unsigned info at {@code version} with this one's deputies carried on and the rest as given:
   * how every later info of the member is made, so none of them drops a deputy by accident.
   */
  public MemberInfo successor(long version, SealedBytes nickname, boolean left, byte[] key) {
    return new MemberInfo(room, member, version, nickname, left, key, deputies, new byte[0]);
  }

  /** The unsigned info at {@code version} naming {@code deputies}, the rest carried on. */
  public MemberInfo withDeputies(long version, List<byte[]> deputies) {
    return new MemberInfo(
        room, member, version, nickname, left, encryptionKey, deputies, new byte[0]);
  }

  /** The members this member named to ban below them, ascending (empty when none). */
  public List<byte[]> deputies() {
    List<byte[]> out = new ArrayList<byte[]>();
    for (byte[] k : deputies) {
      out.add(Arrays.copyOf(k, k.length));
    }
    return out;
  }

  /** True when this info names {@code key} a deputy. */
  public boolean names(byte[] key) {
    for (byte[] k : deputies) {
      if (Arrays.equals(k, key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when this info replaces {@code other} of the same member: the higher version, a tie to the
   * smaller encoded item (the merge's rule, and the ban rule's reading of who named whom).
   */
  public boolean replaces(MemberInfo other) {
    return other == null
        || version > other.version
        || (version == other.version && UnsignedBytes.compare(encoded(), other.encoded()) < 0);
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
    if (!deputies.isEmpty()) {
      List<CborItem> keys = new ArrayList<CborItem>();
      for (byte[] k : deputies) {
        keys.add(CborItem.bytes(k));
      }
      b.put("deputies", CborItem.array(keys));
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
        b.optional("deputies") == null ? null : deputiesOf(b.array("deputies")),
        signature);
  }

  /**
   * The wire list as it must be: 1..MAX_DEPUTIES keys, strictly ascending (the one encoding a
   * signature can cover), so a reordered or padded list is refused with a reason.
   */
  private static List<byte[]> deputiesOf(List<CborItem> items) {
    if (items.isEmpty() || items.size() > MAX_DEPUTIES) {
      throw new RoomValidationException(
          "member info: deputies must name 1 to " + MAX_DEPUTIES + " members");
    }
    List<byte[]> keys = new ArrayList<byte[]>();
    for (CborItem item : items) {
      if (item.kind() != CborKind.BYTES || item.asBytes().length != ItemReader.KEY_BYTES) {
        throw new RoomValidationException("member info: a deputy must be a 32-byte key");
      }
      byte[] k = item.asBytes();
      if (!keys.isEmpty() && UnsignedBytes.compare(keys.get(keys.size() - 1), k) >= 0) {
        throw new RoomValidationException(
            "member info: deputies must be distinct keys in ascending order");
      }
      keys.add(k);
    }
    return keys;
  }
}
