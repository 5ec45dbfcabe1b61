package river.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * The emoji offered for reactions, and search by name. The data is one emoji per line, the emoji, a
 * tab, its name in lower case (the Unicode CLDR short name, e.g. {@code 👍\tthumbs up}), in the
 * order the picker shows them. A query matches when each of its words starts a word of the name
 * ("thu up" finds thumbs up); names that start with the query come first. Pure.
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

  private EmojiSet(List<Emoji> all) {
    this.all = all;
  }

  /** Reads the data; malformed lines are skipped. */
  public static EmojiSet parse(String data) {
    List<Emoji> all = new ArrayList<Emoji>();
    for (String line : data.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0 && tab < line.length() - 1) {
        all.add(new Emoji(line.substring(0, tab), line.substring(tab + 1).trim().toLowerCase()));
      }
    }
    return new EmojiSet(all);
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
