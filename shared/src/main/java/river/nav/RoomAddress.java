package river.nav;

import river.rooms.Bytes;
import river.rooms.RoomKey;
import river.rooms.RoomStorageKeys;
import river.store.Base58;

/**
 * A tab's address: the fragment of the shell's URL that names the room it shows, and optionally one
 * message in it. Layout: {@code #/room/ROOM} or {@code #/room/ROOM/MESSAGE}, ROOM the base58 of the
 * owner's 32-byte key and MESSAGE the base58 of the message id (its 64-byte signature). No fragment
 * (or {@code #}, {@code #/}) is {@link Kind#NONE}: the tab shows the profile's stored current room.
 * Anything else is {@link Kind#MALFORMED}, never an exception: an address is typed, pasted and
 * bookmarked by people. Hazard: the fragment never reaches the node, and it must stay that way (a
 * room key in a server log would tell who is in which room).
 */
public final class RoomAddress {
  public enum Kind {
    NONE,
    ROOM,
    MALFORMED
  }

  static final String PREFIX = "#/room/";
  static final int MESSAGE_ID_BYTES = 64;

  private final Kind kind;
  private final RoomKey room;
  private final String message;

  private RoomAddress(Kind kind, RoomKey room, String message) {
    this.kind = kind;
    this.room = room;
    this.message = message;
  }

  public static final RoomAddress NONE = new RoomAddress(Kind.NONE, null, null);
  public static final RoomAddress MALFORMED = new RoomAddress(Kind.MALFORMED, null, null);

  public static RoomAddress of(RoomKey room, String messageId) {
    if (room == null) {
      throw new IllegalArgumentException("an address names a room");
    }
    return new RoomAddress(Kind.ROOM, room, messageId);
  }

  /** Parses {@code location.hash} (with or without its leading '#'). */
  public static RoomAddress parse(String fragment) {
    if (fragment == null) {
      return NONE;
    }
    String f = fragment.startsWith("#") ? fragment : "#" + fragment;
    if (f.equals("#") || f.equals("#/")) {
      return NONE;
    }
    if (!f.startsWith(PREFIX)) {
      return MALFORMED;
    }
    String rest = f.substring(PREFIX.length());
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int slash = rest.indexOf('/');
    String roomText = slash < 0 ? rest : rest.substring(0, slash);
    String messageText = slash < 0 ? null : rest.substring(slash + 1);
    byte[] room = decode(roomText, RoomKey.LENGTH);
    if (room == null) {
      return MALFORMED;
    }
    if (messageText != null && decode(messageText, MESSAGE_ID_BYTES) == null) {
      return MALFORMED;
    }
    return new RoomAddress(Kind.ROOM, RoomKey.of(Bytes.of(room)), messageText);
  }

  private static byte[] decode(String text, int length) {
    if (text.isEmpty() || text.length() > 2 * length) {
      return null;
    }
    try {
      byte[] b = Base58.decode(text);
      return b.length == length ? b : null;
    } catch (IllegalArgumentException notBase58) {
      return null;
    }
  }

  public Kind kind() {
    return kind;
  }

  /** The room, for {@link Kind#ROOM}; else null. */
  public RoomKey room() {
    return room;
  }

  /** The message id in base58, or null when the address names the room alone. */
  public String message() {
    return message;
  }

  /** The room alone (what the tab's history records once a message has been shown). */
  public RoomAddress roomOnly() {
    return kind == Kind.ROOM && message != null ? new RoomAddress(Kind.ROOM, room, null) : this;
  }

  /** The fragment, with its '#': {@code #/room/ROOM[/MESSAGE]}; "" for NONE and MALFORMED. */
  public String fragment() {
    if (kind != Kind.ROOM) {
      return "";
    }
    String r = PREFIX + RoomStorageKeys.base58Of(room); // cached on the key: 500 links, no encoding
    return message == null ? r : r + "/" + message;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RoomAddress)) {
      return false;
    }
    RoomAddress a = (RoomAddress) o;
    return a.kind == kind
        && (room == null ? a.room == null : room.equals(a.room))
        && (message == null ? a.message == null : message.equals(a.message));
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + (room == null ? 0 : room.hashCode());
  }

  @Override
  public String toString() {
    return kind == Kind.ROOM ? fragment() : kind.name();
  }
}
