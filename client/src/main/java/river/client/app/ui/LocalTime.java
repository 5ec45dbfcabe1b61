package river.client.app.ui;

import elemental2.core.JsArray;
import elemental2.core.JsDate;
import jsinterop.base.JsPropertyMap;

/**
 * Message times in the user's locale and time zone, through the browser's Intl (an empty locale
 * list means the browser's language): the short time a message shows, the full date and time on
 * hover, a separator's day, and the local day number that {@link river.chat.Timeline} compares.
 */
final class LocalTime {
  private LocalTime() {}

  private static JsDate date(long epochMs) {
    return new JsDate((double) epochMs);
  }

  /** ISO-8601 in UTC, for {@code <time datetime>}. */
  static String iso(long epochMs) {
    return date(epochMs).toISOString();
  }

  /** e.g. "14:05" or "2:05 PM". */
  static String time(long epochMs) {
    JsPropertyMap<Object> o = JsPropertyMap.of();
    o.set("hour", "numeric");
    o.set("minute", "2-digit");
    return date(epochMs).toLocaleTimeString(new JsArray<String>(), o);
  }

  /** e.g. "Sunday, 6 December 2026 at 14:05:09". */
  static String full(long epochMs) {
    JsPropertyMap<Object> o = JsPropertyMap.of();
    o.set("dateStyle", "full");
    o.set("timeStyle", "medium");
    return date(epochMs).toLocaleString(new JsArray<String>(), o);
  }

  /** e.g. "Sunday, 6 December 2026". */
  static String day(long epochMs) {
    JsPropertyMap<Object> o = JsPropertyMap.of();
    o.set("weekday", "long");
    o.set("year", "numeric");
    o.set("month", "long");
    o.set("day", "numeric");
    return date(epochMs).toLocaleDateString(new JsArray<String>(), o);
  }

  /** The local calendar day as one number: equal for two times on the same local day. */
  static int dayNumber(long epochMs) {
    JsDate d = date(epochMs);
    return d.getFullYear() * 10000 + d.getMonth() * 100 + d.getDate();
  }
}
