package river.room;

/**
 * What makes a room configuration acceptable beyond its owner's signature (which {@link
 * RoomValidator} checks): every limit within its range, a name that is not empty and fits the
 * configuration's own name limit, a description that fits its own description limit; and, against
 * the configuration the room holds, the room staying public or private as it was created (an older
 * version is refused by {@link RoomContract}). Lowering a limit is allowed: {@code max_members}
 * then refuses later joins and removes nobody ({@link RoomMerge} never evicts), a shorter {@code
 * max_message_bytes} applies to new messages, and a lower {@code max_recent_messages} keeps only
 * the newest that many (the merge drops the rest, as it always does beyond that number).
 *
 * <p>Hazard: a ceiling bounds how big a full room can get under the node's 256 KiB row;
 * RoomSizeTest builds a room at the ceilings, so raising one needs that test.
 */
public final class ConfigRules {
  private ConfigRules() {}

  /** Indexes into {@link RoomConfig#limits()}, in the configuration's field order. */
  public static final int RECENT_MESSAGES = 0;

  public static final int MESSAGE_BYTES = 1;
  public static final int NICKNAME_BYTES = 2;
  public static final int MEMBERS = 3;
  public static final int NAME_BYTES = 4;
  public static final int DESCRIPTION_BYTES = 5;
  public static final int BANS = 6;

  static final String[] NAMES = {
    "max_recent_messages",
    "max_message_bytes",
    "max_nickname_bytes",
    "max_members",
    "max_name_bytes",
    "max_description_bytes",
    "max_bans"
  };

  /** The smallest value of each limit: a zero limit would make the room unusable. */
  static final int[] FLOORS = {1, 1, 1, 1, 1, 1, 1};

  /** The largest value of each limit (see the hazard above). */
  static final int[] CEILINGS = {100, 1000, 50, 200, 1000, 2000, 20};

  public static int floor(int limit) {
    return FLOORS[limit];
  }

  public static int ceiling(int limit) {
    return CEILINGS[limit];
  }

  /** Null when {@code value} is a possible value of the limit; else the node's reason. */
  public static String checkLimit(int limit, long value) {
    if (value < FLOORS[limit] || value > CEILINGS[limit]) {
      return "config: " + NAMES[limit] + " must be " + FLOORS[limit] + ".." + CEILINGS[limit];
    }
    return null;
  }

  /** The configuration on its own: limits, name and description. */
  static void checkOwn(RoomConfig c) {
    int[] limits = c.limitsShared();
    for (int i = 0; i < limits.length; i++) {
      String refused = checkLimit(i, limits[i]);
      if (refused != null) {
        throw new RoomValidationException(refused);
      }
    }
    if (c.name().plainLength() == 0) {
      throw new RoomValidationException("config: a room needs a name");
    }
    if (c.name().plainLength() > c.maxNameBytes()) {
      throw new RoomValidationException("config: room name longer than " + c.maxNameBytes());
    }
    if (c.description().plainLength() > c.maxDescriptionBytes()) {
      throw new RoomValidationException(
          "config: description longer than " + c.maxDescriptionBytes());
    }
  }

  /**
   * {@code next} against the configuration the room holds (null for a new room): a room is public
   * or private from its creation on (turning it either way would make every sealed item already in
   * it invalid). The version needs no rule here: an older one, or one at the same version that
   * loses the tie (smaller encoding wins), is dropped by the merge and so refused by {@link
   * RoomContract}'s kept check; one at the same version that wins the tie is accepted, because
   * replicas that receive two such configs in either order must end with the same one.
   */
  static void checkSuccessor(RoomConfig held, RoomConfig next) {
    if (held != null && next.version() >= held.version() && next.isPrivate() != held.isPrivate()) {
      throw new RoomValidationException(
          "config: a " + (held.isPrivate() ? "private" : "public") + " room stays so");
    }
  }
}
