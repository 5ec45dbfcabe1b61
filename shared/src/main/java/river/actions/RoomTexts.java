package river.actions;

import river.cbor.Utf8;

/**
 * What a user reads when a name, nickname or message does not fit a room's limits, decided once
 * here (the node's own refusals say the same in its terms). Null means it fits. Lengths are UTF-8
 * bytes, as the room contract counts them.
 */
public final class RoomTexts {
  private RoomTexts() {}

  public static final String NOT_LOADED = "This room has not loaded yet; try again in a moment.";
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
}
