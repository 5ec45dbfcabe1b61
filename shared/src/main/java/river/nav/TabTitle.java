package river.nav;

/**
 * A tab's title: the room the tab shows and the unread total over all rooms, {@code (3) Lobby —
 * River}; {@code (3) River} or {@code River} while it shows no room. The shell writes it (the app
 * runs in a frame and cannot) from the number and the name the app sends, and trusts neither: the
 * count is clamped by the bridge, the name goes through {@link #name} here.
 *
 * <p>Hazard: a room's name is text chosen by another person, and a title cannot isolate it the way
 * a {@code <bdi>} does in the page. So control characters and every bidi formatting character are
 * dropped (a right-to-left override in a name cannot turn the title around), runs of whitespace
 * become one space, and the name is cut to {@link #MAX_NAME_CHARS} with an ellipsis.
 */
public final class TabTitle {
  public static final String APP = "River";

  /** Long enough to recognise a room, short enough to leave the count and "River" visible. */
  public static final int MAX_NAME_CHARS = 60;

  private TabTitle() {}

  /** The title for {@code unread} unread messages, showing {@code roomName} (null: no room). */
  public static String of(int unread, String roomName) {
    String prefix = unread > 0 ? "(" + unread + ") " : "";
    String name = name(roomName);
    return name.isEmpty() ? prefix + APP : prefix + name + " — " + APP;
  }

  /** A room's name as a title may show it: "" when nothing printable is left. */
  static String name(String raw) {
    return clean(raw, MAX_NAME_CHARS);
  }

  /**
   * Another person's text as a single line the page cannot isolate (a title, a system notification)
   * may show it: controls and bidi formatting dropped, whitespace runs made one space, cut to
   * {@code maxChars} with an ellipsis; "" when nothing printable is left.
   */
  public static String clean(String raw, int maxChars) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (isBidiFormat(c)) {
        continue;
      }
      if (isControl(c) || isSpace(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    if (out.length() <= maxChars) {
      return out.toString();
    }
    int cut = maxChars - 1;
    if (Character.isHighSurrogate(out.charAt(cut - 1))) {
      cut--; // never half a character
    }
    return out.substring(0, cut).trim() + "…";
  }

  private static boolean isBidiFormat(char c) {
    return c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\u00A0' || c == '\u3000' || (c >= '\u2000' && c <= '\u200B');
  }
}
