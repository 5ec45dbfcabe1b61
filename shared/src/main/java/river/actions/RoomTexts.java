package river.actions;

import river.cbor.Utf8;
import river.room.ConfigRules;
import river.wire.ErrorCodes;

/**
 * What a user reads when a name, nickname, description, limit or message does not fit a room's
 * limits, decided once here (the node's own refusals say the same in its terms; the ranges are
 * {@link ConfigRules}'). Null means it fits. Lengths are UTF-8 bytes, as the room contract counts
 * them.
 */
public final class RoomTexts {
  private RoomTexts() {}

  public static final String NOT_LOADED = "This room has not loaded yet; try again in a moment.";

  /** A nickname edit that did not reach the room is kept and published later (any tab). */
  public static final String NICKNAME_KEPT =
      "It is kept, and goes out by itself once the node answers again.";

  public static final String NOT_A_MEMBER =
      "You are not a member of this room (any more), so you cannot do that here.";

  public static String checkName(String name, int maxBytes) {
    String n = name == null ? "" : name.trim();
    if (n.isEmpty()) {
      return "A room needs a name.";
    }
    int bytes = Utf8.encode(n).length;
    if (bytes > maxBytes) {
      return "That name is too long for this room (" + bytes + " bytes, at most " + maxBytes + ").";
    }
    return null;
  }

  public static String checkNickname(String nickname, int maxBytes) {
    String n = nickname == null ? "" : nickname.trim();
    if (n.isEmpty()) {
      return "You need a nickname.";
    }
    int bytes = Utf8.encode(nickname).length;
    if (bytes > maxBytes) {
      return "That nickname is too long for this room ("
          + bytes
          + " bytes, at most "
          + maxBytes
          + ").";
    }
    return null;
  }

  public static String checkMessage(int contentBytes, int maxBytes) {
    if (contentBytes > maxBytes) {
      return "This message is too long for the room: "
          + contentBytes
          + " bytes, the room allows "
          + maxBytes
          + ".";
    }
    return null;
  }

  /** The limits as a person reads them, by {@link ConfigRules} index (labels of the details). */
  private static final String[] LIMIT_LABELS = {
    "Recent messages kept",
    "Longest message (bytes)",
    "Longest nickname (bytes)",
    "Most members",
    "Longest room name (bytes)",
    "Longest description (bytes)",
    "Most bans by members"
  };

  public static String limitLabel(int limit) {
    return LIMIT_LABELS[limit];
  }

  /** The whole number typed for a limit, or -1 when it is not one (or absurdly long). */
  public static int parseLimit(String typed) {
    String t = typed == null ? "" : typed.trim();
    if (t.isEmpty() || t.length() > 9) {
      return -1;
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(t);
  }

  /** Null when {@code typed} is a value the room accepts for the limit; else why not. */
  public static String checkLimit(int limit, String typed) {
    int value = parseLimit(typed);
    if (value < 0 || ConfigRules.checkLimit(limit, value) != null) {
      return LIMIT_LABELS[limit]
          + " must be a whole number from "
          + ConfigRules.floor(limit)
          + " to "
          + ConfigRules.ceiling(limit)
          + ".";
    }
    return null;
  }

  public static String checkDescription(String description, int maxBytes) {
    int bytes = Utf8.encode(description == null ? "" : description.trim()).length;
    if (bytes > maxBytes) {
      return "That description is too long for this room ("
          + bytes
          + " bytes, at most "
          + maxBytes
          + ").";
    }
    return null;
  }

  /**
   * The node refused new settings: a refusal of the settings themselves says so in words (the
   * node's reason is for programs); a lost connection or a timeout keeps its own words.
   */
  public static String settingsRefused(String code, String message) {
    if (!ErrorCodes.INVALID.equals(code)) {
      return message;
    }
    if (message != null && message.contains("newer version")) {
      return "The room's settings were changed elsewhere at the same time; open the details again"
          + " and retry.";
    }
    return "The room did not accept these settings; check them and try again.";
  }
}
