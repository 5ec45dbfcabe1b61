package river.rooms;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the user asked about their deputies in one room, per member key: a stamp {@code time * 2 +
 * (named ? 1 : 0)}, so the later request wins a merge by plain maximum, and at the same millisecond
 * naming wins (any fixed choice keeps the merge commutative). The room's member info is made to
 * follow these marks ({@code river.chat.Deputies}); they are kept here because an info is replaced
 * whole, and a rename signed in another tab at the same moment could otherwise drop a naming for
 * good. Hazard: a mark is never removed, only overwritten; a room has few deputies.
 */
public final class DeputyMarks {
  private DeputyMarks() {}

  public static long stamp(long timeMillis, boolean named) {
    return Math.max(0, timeMillis) * 2 + (named ? 1 : 0);
  }

  /**
   * The stamp of a request made now over {@code held} (null: none): by the clock, but always above
   * the held one, so a clock that stands still or goes back cannot make the user's newest request
   * lose to their previous one.
   */
  static long next(Long held, long timeMillis, boolean named) {
    long s = stamp(timeMillis, named);
    if (held == null || s > held) {
      return s;
    }
    long above = held + 1;
    return named(above) == named ? above : above + 1;
  }

  public static boolean named(long stamp) {
    return (stamp & 1) == 1;
  }

  /** Per member, the later stamp (a member in one map only keeps its stamp). */
  static TreeMap<Bytes, Long> later(Map<Bytes, Long> a, Map<Bytes, Long> b) {
    TreeMap<Bytes, Long> out = new TreeMap<Bytes, Long>(a);
    for (Map.Entry<Bytes, Long> e : b.entrySet()) {
      Long mine = a.get(e.getKey());
      out.put(e.getKey(), mine == null ? e.getValue() : Math.max(mine, e.getValue()));
    }
    return out;
  }
}
