package river.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * The emoji offered for reactions, and search by name. The data is one emoji per line, the emoji, a
 * tab, its name in lower case (the Unicode CLDR short name, e.g. {@code 👍\tthumbs up}), in the
 * order the picker shows them. An emoji of one code point a little after the previous line's first
 * one is written as the step instead: nothing for 1, one base-36 digit for 2 to 35 (Unicode's order
 * runs through neighbours: {@code 😀}, then {@code \tgrinning face with big eyes} is {@code 😃});
 * this saves about 0.6 KB of the data's gzip. A query matches when each of its words starts a word
 * of the name ("thu up" finds thumbs up); names that start with the query come first. Pure.
 */
public final class EmojiSet {
  /** Options shown at most (a short list is quicker to scan and to draw). */
  public static final int MAX_RESULTS = 64;

  /** An emoji and its name. */
  public static final class Emoji {
    public final String emoji;
    public final String name;

    Emoji(String emoji, String name) {
      this.emoji = emoji;
      this.name = name;
    }
  }

  private final List<Emoji> all;

  /** A step's digit is its index here (0 and 1 are never written: 1 is the empty step). */
  private static final String STEPS = "0123456789abcdefghijklmnopqrstuvwxyz";

  private EmojiSet(List<Emoji> all) {
    this.all = all;
  }

  /** Reads the data; malformed lines are skipped. */
  public static EmojiSet parse(String data) {
    List<Emoji> all = new ArrayList<Emoji>();
    int previous = -1; // the first code point of the previous line's emoji
    for (String line : data.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab < 0 || tab >= line.length() - 1) {
        continue;
      }
      String emoji = line.substring(0, tab);
      int step = tab == 0 ? 1 : tab == 1 ? STEPS.indexOf(emoji.charAt(0)) : -1;
      if (step > 0 && previous > 0) {
        emoji = ofCodePoint(previous + step);
      } else if (step >= 0) {
        continue; // a step with nothing to step from
      }
      previous = firstCodePoint(emoji);
      all.add(new Emoji(emoji, line.substring(tab + 1).trim().toLowerCase()));
    }
    return new EmojiSet(all);
  }

  // Surrogates by hand: J2CL's Character.toChars and codePointAt cost the bundle ~0.3 KB gzip.
  private static String ofCodePoint(int cp) {
    if (cp < 0x10000) {
      return "" + (char) cp;
    }
    return "" + (char) (0xD7C0 + (cp >> 10)) + (char) (0xDC00 + (cp & 0x3FF));
  }

  private static int firstCodePoint(String s) {
    char c = s.charAt(0);
    return c >= 0xD800 && c < 0xDC00 && s.length() > 1
        ? ((c - 0xD7C0) << 10) + (s.charAt(1) - 0xDC00)
        : c;
  }

  public int size() {
    return all.size();
  }

  /** The emoji matching {@code query} (all of them, in order, when it is blank). */
  public List<Emoji> search(String query) {
    String[] words = query.trim().toLowerCase().split("\\s+");
    boolean blank = query.trim().isEmpty();
    List<Emoji> first = new ArrayList<Emoji>();
    List<Emoji> later = new ArrayList<Emoji>();
    for (Emoji e : all) {
      if (blank || matches(e.name, words)) {
        (blank || e.name.startsWith(words[0]) ? first : later).add(e);
      }
    }
    first.addAll(later);
    return first.size() > MAX_RESULTS ? first.subList(0, MAX_RESULTS) : first;
  }

  /** The name of {@code emoji}, or null when it is not in the set. */
  public String nameOf(String emoji) {
    for (Emoji e : all) {
      if (e.emoji.equals(emoji)) {
        return e.name;
      }
    }
    return null;
  }

  private static boolean matches(String name, String[] words) {
    for (String w : words) {
      if (!name.startsWith(w) && !name.contains(" " + w) && !name.contains("-" + w)) {
        return false;
      }
    }
    return true;
  }
}
