package river.chat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Names a reader could take for one another: "alice", "Alice", "аlice" (Cyrillic а), "al\u200Bice"
 * (a zero-width space) and "ａｌｉｃｅ" (fullwidth) all look like the same person. {@link #skeleton}
 * folds a name to what it looks like; two names with one skeleton are look-alikes. Member names in
 * a room are anyone's to choose, so the view must not let one member pass for another: {@link
 * Names} shows look-alike names with their keys, and the nickname editor warns before a user takes
 * one.
 *
 * <p>The fold, in order: a right-to-left override's letters are put in the order it draws them;
 * characters that draw nothing (zero-width and bidi controls, variation selectors, the soft hyphen,
 * tags) are dropped; fullwidth ASCII and the mathematical letters and digits become ASCII; letters
 * of other scripts drawn like a Latin letter (Cyrillic, Greek, Armenian) become that letter; {@code
 * 1} and {@code |} become {@code l}, and {@code 0} becomes {@code o}; then lower case; {@code rn}
 * reads as {@code m} and {@code vv} as {@code w}; runs of white space become one space, trimmed. A
 * capital {@code I} is drawn like {@code l} but reads as {@code i}, so a name has two folds ({@link
 * #skeleton}, {@link #caseless}) and two names are alike when either matches.
 *
 * <p>Known hazard: the table is a deliberately small subset of Unicode's confusables (the letters
 * an impersonator reaches for first), and accents are kept ("alicé" is not "alice"). A name that
 * passes is not proven unique; one that fails surely looks like another. Pure, and J2CL-safe (no
 * {@code java.text.Normalizer}).
 */
public final class LookAlikes {
  private LookAlikes() {}

  /**
   * Pairs of (look-alike, Latin letter or digit it is drawn like), as one string so the table reads
   * as data. Escapes, not the characters themselves: in this source they would look like the
   * letters they fake.
   */
  private static final String PAIRS =
      // Cyrillic lower case
      "\u0430a\u0441c\u0501d\u0435e\u04bbh\u0456i\u0458j\u04cfl\u043eo\u0440p\u051bq"
          + "\u0455s\u0475v\u051dw\u0445x\u0443y\u04afy"
          // Cyrillic upper case
          + "\u0410a\u0412b\u0421c\u0415e\u041dh\u0406I\u0408j\u041ak\u04c0l\u041cm\u041eo"
          + "\u0420p\u051aq\u0405s\u0422t\u0474v\u051cw\u0425x\u0423y\u04aey"
          // Greek
          + "\u03b1a\u0391a\u0392b\u03f2c\u03f9c\u0395e\u0396z\u0397h\u03b9i\u0399I\u03bak\u039ak"
          + "\u039cm\u039dn\u03bdv\u03bfo\u039fo\u03c1p\u03a1p\u03a4t\u03c5u\u03a5y\u03c7x\u03a7x"
          // Armenian
          + "\u0585o\u057du\u0570h\u0578n\u0561w\u0563q"
          // Latin look-alikes
          + "\u0131i\u0261g\u0251a\u01c0l\u2170i\u217cl\u212ak\u212b\u00c5"
          // digits and marks drawn like letters
          + "1l|l0o";

  /**
   * What {@code name} looks like, drawn: a capital {@code I} counts as {@code l} ("biII" is
   * "bill"). Equal skeletons mean a reader could take one name for the other.
   */
  public static String skeleton(String name) {
    return fold(name, true);
  }

  /**
   * What {@code name} reads as regardless of case: a capital {@code I} counts as {@code i} ("ALICE"
   * is "alice"), which {@link #skeleton} cannot also say.
   */
  public static String caseless(String name) {
    return fold(name, false);
  }

  /** True when the two names look alike: one skeleton, or one caseless form. */
  public static boolean alike(String a, String b) {
    String s = skeleton(a);
    return !s.isEmpty() && (s.equals(skeleton(b)) || caseless(a).equals(caseless(b)));
  }

  private static String fold(String name, boolean capitalIAsL) {
    name = drawnOrder(name);
    StringBuilder folded = new StringBuilder(name.length());
    boolean space = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      int cp = c;
      boolean pair = c >= 0xD800 && c <= 0xDBFF && i + 1 < name.length();
      if (pair) {
        cp = ((c - 0xD800) << 10) + (name.charAt(i + 1) - 0xDC00) + 0x10000;
        i++;
      }
      if (drawsNothing(cp)) {
        continue;
      }
      if (in(SPACES, cp)) {
        space = folded.length() > 0;
        continue;
      }
      if (space) {
        folded.append(' ');
        space = false;
      }
      int like = latin(cp);
      if (like == 'I' && capitalIAsL) {
        like = 'l';
      }
      int last = folded.length() - 1;
      char before = last >= 0 ? folded.charAt(last) : 0;
      if ((like == 'n' || like == 'N') && (before == 'r' || before == 'R')) {
        folded.setCharAt(last, 'm'); // "rn" reads as "m"
      } else if ((like == 'v' || like == 'V') && (before == 'v' || before == 'V')) {
        folded.setCharAt(last, 'w'); // "vv" reads as "w"
      } else if (like < 0x10000) {
        folded.append((char) like);
      } else {
        folded.append(c).append(name.charAt(i)); // a pair that draws as itself
      }
    }
    return folded.toString().toLowerCase();
  }

  /**
   * Of {@code names} (any key to the name it is shown with), the keys whose name looks like another
   * key's. Empty names never clash.
   */
  public static <K> Set<K> clashing(Map<K, String> names) {
    Set<K> out = new HashSet<K>();
    for (boolean capitalIAsL : new boolean[] {true, false}) {
      Map<String, K> firstWith = new HashMap<String, K>();
      for (Map.Entry<K, String> e : names.entrySet()) {
        String s = fold(e.getValue(), capitalIAsL);
        if (s.isEmpty()) {
          continue;
        }
        K earlier = firstWith.get(s);
        if (earlier == null) {
          firstWith.put(s, e.getKey());
        } else {
          out.add(earlier);
          out.add(e.getKey());
        }
      }
    }
    return out;
  }

  /**
   * The name in the order a right-to-left override (U+202E) draws it: what follows the override, up
   * to its end (U+202C, U+2069) or the name's, reversed. "\u202Enimda" is drawn "admin". Other bidi
   * controls move whole runs, not the letters of a Latin name, and are dropped by the fold.
   */
  static String drawnOrder(String name) {
    int from = name.indexOf('\u202E');
    if (from < 0) {
      return name;
    }
    int end = from + 1;
    while (end < name.length() && name.charAt(end) != '\u202C' && name.charAt(end) != '\u2069') {
      end++;
    }
    StringBuilder reversed = new StringBuilder(name.substring(from + 1, end)).reverse();
    return name.substring(0, from)
        + reversed
        + drawnOrder(name.substring(Math.min(end + 1, name.length())));
  }

  /** The character {@code cp} is drawn like (mostly ASCII), else {@code cp} itself. */
  private static int latin(int cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      cp -= 0xFEE0; // fullwidth ASCII
    } else if (cp >= 0x1D400 && cp <= 0x1D6A3) {
      int k = (cp - 0x1D400) % 52; // mathematical letters: runs of A–Z a–z, one run per style
      cp = k < 26 ? 'a' + k : 'a' + k - 26;
    } else if (cp >= 0x1D7CE && cp <= 0x1D7FF) {
      cp = '0' + (cp - 0x1D7CE) % 10; // mathematical digits
    }
    for (int i = 0; i + 1 < PAIRS.length(); i += 2) {
      if (PAIRS.charAt(i) == cp) {
        return PAIRS.charAt(i + 1);
      }
    }
    return cp;
  }

  /** Ranges (first, last) of white space. */
  private static final String SPACES =
      "  \t\r\u00a0\u00a0\u1680\u1680\u2000\u200a\u2028\u2029\u202f\u202f\u205f\u205f\u3000\u3000";

  /**
   * Ranges (first, last) of characters that draw nothing (Unicode's default-ignorables, in short).
   */
  private static final String INVISIBLE =
      "\u00ad\u00ad\u034f\u034f\u061c\u061c\u115f\u1160\u17b4\u17b5\u180b\u180f\u200b\u200f"
          + "\u202a\u202e\u2060\u206f\u3164\u3164\ufe00\ufe0f\ufeff\ufeff\uffa0\uffa0";

  private static boolean in(String ranges, int cp) {
    for (int i = 0; i + 1 < ranges.length(); i += 2) {
      if (cp >= ranges.charAt(i) && cp <= ranges.charAt(i + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean drawsNothing(int cp) {
    return in(INVISIBLE, cp)
        || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
        || (cp >= 0xE0000 && cp <= 0xE0FFF);
  }
}
