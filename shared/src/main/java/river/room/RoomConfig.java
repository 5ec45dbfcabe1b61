package river.room;

import java.util.Arrays;
import river.cbor.CborItem;
import river.cbor.CborMap;

/**
 * The owner-signed configuration: body {"room", "version", "name", "description" (SealedBytes),
 * "private": bool, "secret_version": uint, then the limits "max_recent_messages",
 * "max_message_bytes", "max_nickname_bytes", "max_members", "max_name_bytes",
 * "max_description_bytes", "max_bans"}. The highest version wins (ties: smaller encoded item). In a
 * private room every sealed field must be Private with a secret version up to {@code
 * secret_version}; the secrets themselves travel in invitations, never here. Lengths are UTF-8
 * bytes (stricter than upstream's characters for non-ASCII text). Hazard: raising a limit does not
 * bring back what a replica already dropped under the old limit.
 */
public final class RoomConfig extends SignedItem {
  public static final int DEFAULT_MAX_RECENT_MESSAGES = 100;
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1000;
  public static final int DEFAULT_MAX_NICKNAME_BYTES = 50;
  public static final int DEFAULT_MAX_MEMBERS = 200;
  public static final int DEFAULT_MAX_NAME_BYTES = 100;
  public static final int DEFAULT_MAX_DESCRIPTION_BYTES = 500;
  public static final int DEFAULT_MAX_BANS = 10;

  private final byte[] room;
  private final long version;
  private final SealedBytes name;
  private final SealedBytes description;
  private final boolean isPrivate;
  private final long secretVersion;
  private final int[] limits;

  /**
   * {@code limits}: max_recent_messages, max_message_bytes, max_nickname_bytes, max_members,
   * max_name_bytes, max_description_bytes, max_bans.
   */
  public RoomConfig(
      byte[] room,
      long version,
      SealedBytes name,
      SealedBytes description,
      boolean isPrivate,
      long secretVersion,
      int[] limits,
      byte[] signature) {
    super(signature);
    if (limits.length != 7 || version < 0 || secretVersion < 0) {
      throw new IllegalArgumentException("7 limits; version and secret version >= 0");
    }
    this.room = Arrays.copyOf(room, room.length);
    this.version = version;
    this.name = name;
    this.description = description;
    this.isPrivate = isPrivate;
    this.secretVersion = secretVersion;
    this.limits = Arrays.copyOf(limits, limits.length);
  }

  public static int[] defaultLimits() {
    return new int[] {
      DEFAULT_MAX_RECENT_MESSAGES,
      DEFAULT_MAX_MESSAGE_BYTES,
      DEFAULT_MAX_NICKNAME_BYTES,
      DEFAULT_MAX_MEMBERS,
      DEFAULT_MAX_NAME_BYTES,
      DEFAULT_MAX_DESCRIPTION_BYTES,
      DEFAULT_MAX_BANS
    };
  }

  /**
   * The unsigned next version of this configuration with another name (everything else kept): what
   * the owner signs to rename the room. The higher version wins every merge.
   */
  public RoomConfig renamed(SealedBytes newName) {
    return edited(newName, description, limits);
  }

  /**
   * The unsigned next version with a new name, description and limits (privacy and secret version
   * kept): what the owner signs to change the room's settings. Limits are checked by the contract
   * ({@link ConfigRules}), not here, so a test can build a hostile one.
   */
  public RoomConfig edited(SealedBytes newName, SealedBytes newDescription, int[] newLimits) {
    return new RoomConfig(
        room,
        version + 1,
        newName,
        newDescription,
        isPrivate,
        secretVersion,
        newLimits,
        new byte[0]);
  }

  public RoomConfig withSignature(byte[] signature) {
    return new RoomConfig(
        room, version, name, description, isPrivate, secretVersion, limits, signature);
  }

  public byte[] room() {
    return Arrays.copyOf(room, room.length);
  }

  byte[] roomShared() {
    return room;
  }

  public long version() {
    return version;
  }

  public SealedBytes name() {
    return name;
  }

  public SealedBytes description() {
    return description;
  }

  public boolean isPrivate() {
    return isPrivate;
  }

  public long secretVersion() {
    return secretVersion;
  }

  public int[] limits() {
    return Arrays.copyOf(limits, limits.length);
  }

  int[] limitsShared() {
    return limits;
  }

  public int maxRecentMessages() {
    return limits[0];
  }

  public int maxMessageBytes() {
    return limits[1];
  }

  public int maxNicknameBytes() {
    return limits[2];
  }

  public int maxMembers() {
    return limits[3];
  }

  public int maxNameBytes() {
    return limits[4];
  }

  public int maxDescriptionBytes() {
    return limits[5];
  }

  public int maxBans() {
    return limits[6];
  }

  @Override
  byte[] expectedSigner() {
    return room;
  }

  @Override
  public CborItem body() {
    CborMap.Builder b =
        CborMap.builder()
            .put("room", CborItem.bytes(room))
            .put("version", CborItem.uint(version))
            .put("name", name.toCbor())
            .put("description", description.toCbor())
            .put("private", CborItem.bool(isPrivate))
            .put("secret_version", CborItem.uint(secretVersion));
    for (int i = 0; i < limits.length; i++) {
      b.put(ConfigRules.NAMES[i], CborItem.uint(limits[i]));
    }
    return b.build();
  }

  public static RoomConfig fromCbor(CborItem item) {
    return fromBody(bodyOf(item, "config"), signatureOf(item, "config"));
  }

  static RoomConfig fromBody(ItemReader b, byte[] signature) {
    int[] limits = new int[ConfigRules.NAMES.length];
    for (int i = 0; i < limits.length; i++) {
      limits[i] = b.smallUint(ConfigRules.NAMES[i]);
    }
    return new RoomConfig(
        b.key("room"),
        b.uint("version"),
        SealedBytes.fromCbor(b.any("name"), "name"),
        SealedBytes.fromCbor(b.any("description"), "description"),
        b.bool("private"),
        b.uint("secret_version"),
        limits,
        signature);
  }
}
