package river.chat;

import java.util.List;
import river.room.VisibleMessage;
import river.rooms.Bytes;
import river.rooms.LastRead;

/**
 * Unread counting against a room's {@link LastRead}: a message is unread when it is newer, by
 * (time, id), than the last-read mark and someone else wrote it (your own message is never news to
 * you). The mark a reader leaves is the newest visible message's (time, id). Pure.
 */
public final class ReadMarks {
  private ReadMarks() {}

  /** Whether a message at (time, id) comes after the mark; ties on time break by id bytes. */
  public static boolean newer(long time, byte[] id, LastRead read) {
    if (read == null) {
      return true;
    }
    if (time != read.position()) {
      return time > read.position();
    }
    return Bytes.of(id).compareTo(read.messageId()) > 0;
  }

  public static int unread(List<VisibleMessage> visible, LastRead read, byte[] self) {
    int n = 0;
    for (VisibleMessage m : visible) {
      if (isUnread(m, read, self)) {
        n++;
      }
    }
    return n;
  }

  /** Someone else wrote it, after the mark. */
  private static boolean isUnread(VisibleMessage m, LastRead read, byte[] self) {
    return !sameBytes(m.author(), self) && newer(m.time(), m.id(), read);
  }

  /**
   * The first unread message in the list's order (someone else's, after the mark), or null: where
   * the conversation shows its "New messages" divider when the room is opened.
   */
  public static byte[] firstUnread(List<VisibleMessage> visible, LastRead read, byte[] self) {
    for (VisibleMessage m : visible) {
      if (isUnread(m, read, self)) {
        return m.id();
      }
    }
    return null;
  }

  /** The mark for having read everything shown; null when there is nothing to read. */
  public static LastRead latest(List<VisibleMessage> visible) {
    VisibleMessage best = null;
    for (VisibleMessage m : visible) {
      if (best == null
          || m.time() > best.time()
          || (m.time() == best.time() && Bytes.of(m.id()).compareTo(Bytes.of(best.id())) > 0)) {
        best = m;
      }
    }
    return best == null ? null : new LastRead(Math.max(0, best.time()), Bytes.of(best.id()));
  }

  /**
   * The mark to record once the reader has seen up to {@code seen}: {@code seen} when it is past
   * {@code held} (the mark already kept; null: none), else null. Never a mark at or before the held
   * one: recording it would change nothing, or move the reader back.
   */
  public static LastRead advance(LastRead seen, LastRead held) {
    if (seen == null) {
      return null;
    }
    if (held == null) {
      return seen;
    }
    return !seen.equals(held) && LastRead.later(seen, held) == seen ? seen : null;
  }

  /** The tab title: "River", or "(3) River" with 3 unread messages over all rooms. */
  public static String title(int totalUnread) {
    return totalUnread > 0 ? "(" + totalUnread + ") River" : "River";
  }

  private static boolean sameBytes(byte[] a, byte[] b) {
    if (a == null || b == null || a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }
}
