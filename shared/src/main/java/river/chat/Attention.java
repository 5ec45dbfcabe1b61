package river.chat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import river.room.SealedBytes;
import river.room.VisibleMessage;
import river.rooms.LastRead;
import river.rooms.NotificationMode;
import river.store.Base58;

/**
 * How many of a room's unread messages (ReadMarks) call for the user's attention under the room's
 * notification mode, i.e. count in the tab title: every one with {@code ALL}; with {@code MENTIONS}
 * ("mentions and replies") those that mention {@code @nickname} or reply to one of the user's
 * messages; none when {@code MUTED}. The room's own unread badge still counts them all. Pure.
 *
 * <p>A mention is a {@link Mentions} token of the user's key ({@code <@KEY>}, what the composer
 * stores, so it survives renames), or, the older form, {@code @} + the nickname, ignoring case, not
 * followed by a letter or digit (so {@code @bob,} mentions bob and {@code @bobby} does not).
 * Hazard: private rooms' texts are sealed; the caller's reader opens them, and an unreadable text
 * mentions no one.
 */
public final class Attention {
  private Attention() {}

  /** Opens a (possibly sealed) message text; null when it cannot be read (yet). */
  public interface Reader {
    String read(SealedBytes content);
  }

  public static int count(
      NotificationMode mode,
      List<VisibleMessage> visible,
      LastRead read,
      byte[] self,
      String nickname,
      Reader reader) {
    if (mode == NotificationMode.MUTED) {
      return 0;
    }
    boolean all = mode == null || mode == NotificationMode.ALL;
    Set<String> mine = new HashSet<String>();
    if (!all) {
      for (VisibleMessage m : visible) {
        if (same(m.author(), self)) {
          mine.add(Base58.encode(m.id()));
        }
      }
    }
    String selfKey = self == null ? null : Base58.encode(self);
    int n = 0;
    for (VisibleMessage m : visible) {
      if (same(m.author(), self) || !ReadMarks.newer(m.time(), m.id(), read)) {
        continue;
      }
      if (all
          || (m.replyTo() != null && mine.contains(Base58.encode(m.replyTo())))
          || mentionsMe(reader.read(m.content()), selfKey, nickname)) {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code m} replies to a message of {@code self} among {@code visible}. */
  public static boolean repliesToMine(VisibleMessage m, List<VisibleMessage> visible, byte[] self) {
    if (m.replyTo() == null) {
      return false;
    }
    for (VisibleMessage o : visible) {
      if (same(o.id(), m.replyTo())) {
        return same(o.author(), self);
      }
    }
    return false;
  }

  /** Whether {@code text} mentions the user by key token or by {@code @nickname}. */
  public static boolean mentionsMe(String text, String selfKey, String nickname) {
    return Mentions.mentionsKey(text, selfKey) || mentions(text, nickname);
  }

  /** Whether {@code text} mentions {@code @nickname} (see the class comment). */
  public static boolean mentions(String text, String nickname) {
    if (text == null || nickname == null || nickname.isEmpty()) {
      return false;
    }
    String hay = text.toLowerCase();
    String needle = "@" + nickname.toLowerCase();
    for (int at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      int end = at + needle.length();
      if (end == hay.length() || !Character.isLetterOrDigit(hay.charAt(end))) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(byte[] a, byte[] b) {
    return a != null && b != null && Arrays.equals(a, b);
  }
}
