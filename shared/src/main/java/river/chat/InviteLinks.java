package river.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import river.room.RoomState;
import river.rooms.RoomData;
import river.rooms.RoomKey;
import river.rooms.Rooms;
import river.store.Base58;

/**
 * Invitations shared as links: {@code ORIGIN/?invitation=CODE}, the form the invite dialog offers
 * and the shell opens. One member can send another an invitation to a room in a direct message
 * ({@link #message}); a message holding such a link shows an "Accept invitation" button beside it,
 * which opens the join dialog filled in, in the same tab ({@link #codeOf} decides which links are
 * invitations). Pure.
 *
 * <p>Hazard: anyone can send any link, and a direct message can be 32 KiB of them. The button goes
 * to links whose code has an invitation's shape (base58, {@link #MIN_CODE_CHARS} to {@link
 * #MAX_CODE_CHARS} characters), a check linear in the link: decoding every code on every draw
 * (base58 is quadratic in the code's length) would let a sender stall the reader's tab. Accepting
 * goes through the join dialog, which decodes and checks the code as it does a pasted one, then the
 * node's checks; the link's host is never visited by the button.
 */
public final class InviteLinks {
  private InviteLinks() {}

  static final String QUERY = "/?invitation=";

  /** Shorter than any invitation (its membership record alone is over 100 bytes). */
  static final int MIN_CODE_CHARS = 100;

  /** Longer codes (a private room with many secret versions) stay plain links, to paste. */
  static final int MAX_CODE_CHARS = 2_000;

  /** The link for {@code code} on the node at {@code origin} (scheme and host, no path). */
  public static String link(String origin, String code) {
    return origin + QUERY + code;
  }

  /**
   * The rooms a peer met in {@code dmRoom} can be invited to, in {@code order} (the user's list):
   * every room whose state says the user is still a member, but {@code dmRoom} itself.
   */
  public static List<RoomKey> roomsToOffer(
      List<RoomKey> order, Function<RoomKey, RoomState> states, Rooms rooms, RoomKey dmRoom) {
    List<RoomKey> out = new ArrayList<RoomKey>();
    for (RoomKey key : order) {
      RoomState state = states.apply(key);
      RoomData data = rooms.room(key);
      if (!key.equals(dmRoom)
          && state != null
          && data != null
          && state.isMember(data.verifyingKey().toArray())) {
        out.add(key);
      }
    }
    return out;
  }

  /** The words of a direct message that invites its reader to the room named {@code roomName}. */
  public static String message(String roomName, String link) {
    return "Join me in \u201c" + roomName + "\u201d: " + link;
  }

  /**
   * The invitation code of {@code url} when it is an invitation link (an origin, then {@code
   * /?invitation=} and a code of an invitation's shape), else null.
   */
  public static String codeOf(String url) {
    int at = url.indexOf(QUERY);
    int host = url.indexOf("://");
    if (at < 0 || host < 0 || url.indexOf('/', host + 3) != at) {
      return null; // a path before the query, or none of the form
    }
    String code = url.substring(at + QUERY.length());
    if (code.length() < MIN_CODE_CHARS || code.length() > MAX_CODE_CHARS) {
      return null;
    }
    for (int i = 0; i < code.length(); i++) {
      if (!Base58.isDigit(code.charAt(i))) {
        return null;
      }
    }
    return code;
  }
}
