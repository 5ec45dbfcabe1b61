package river.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * How a conversation is laid out in time: a date separator before the first message of each local
 * day, and grouping: a message by the same author as the one before it, on the same day and within
 * {@link #GROUP_GAP_MS} of it, does not repeat the author. A reply always shows its author (it
 * starts a new thought). The local day is the caller's (the browser's time zone), as a number that
 * is equal for two times on the same day (e.g. {@code year * 10000 + month * 100 + day}). Pure.
 */
public final class Timeline {
  private Timeline() {}

  /** Consecutive messages closer than this stay in one group. */
  public static final long GROUP_GAP_MS = 5 * 60 * 1000L;

  /** One message as the layout needs it. */
  public static final class Entry {
    final String author;
    final long time;
    final int day;
    final boolean reply;

    public Entry(String author, long time, int day, boolean reply) {
      this.author = author;
      this.time = time;
      this.day = day;
      this.reply = reply;
    }
  }

  /** The layout of one message. */
  public static final class Place {
    /** A date separator goes before this message. */
    public final boolean startsDay;

    /** The author is shown (false: a follow-up in the group above). */
    public final boolean showsAuthor;

    Place(boolean startsDay, boolean showsAuthor) {
      this.startsDay = startsDay;
      this.showsAuthor = showsAuthor;
    }
  }

  public static List<Place> of(List<Entry> entries) {
    List<Place> places = new ArrayList<Place>();
    Entry before = null;
    for (Entry e : entries) {
      boolean startsDay = before == null || before.day != e.day;
      boolean grouped =
          !startsDay
              && !e.reply
              && before.author.equals(e.author)
              && e.time >= before.time
              && e.time - before.time <= GROUP_GAP_MS;
      places.add(new Place(startsDay, !grouped));
      before = e;
    }
    return places;
  }
}
