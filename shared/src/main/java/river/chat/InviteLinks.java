package river.chat;

import river.room.Invitation;

/**
 * Invitations shared as links: {@code ORIGIN/?invitation=CODE}, the form the invite dialog offers
 * and the shell opens. One member can send another an invitation to a room in a direct message
 * ({@link #message}); a message holding such a link shows an "Accept invitation" button beside it,
 * which opens the join dialog filled in, in the same tab ({@link #codeOf} decides which links are
 * invitations). Pure.
 *
 * <p>Hazard: anyone can send any link. Only a link whose code decodes as an invitation gets the
 * button, and accepting still goes through the join dialog and the node's checks, as a pasted code
 * does; the link's host is never visited by the button.
 */
public final class InviteLinks {
  private InviteLinks() {}

  static final String QUERY = "/?invitation=";

  /** The link for {@code code} on the node at {@code origin} (scheme and host, no path). */
  public static String link(String origin, String code) {
    return origin + QUERY + code;
  }

  /** The words of a direct message that invites its reader to the room named {@code roomName}. */
  public static String message(String roomName, String link) {
    return "Join me in \u201c" + roomName + "\u201d: " + link;
  }

  /**
   * The invitation code of {@code url} when it is an invitation link (an origin, then {@code
   * /?invitation=} and a code that decodes as an invitation), else null.
   */
  public static String codeOf(String url) {
    int at = url.indexOf(QUERY);
    int host = url.indexOf("://");
    if (at < 0 || host < 0 || url.indexOf('/', host + 3) != at) {
      return null; // a path before the query, or none of the form
    }
    String code = url.substring(at + QUERY.length());
    try {
      Invitation.decode(code);
      return code;
    } catch (RuntimeException notAnInvitation) { // whatever a bad code throws, it is a link
      return null;
    }
  }
}
