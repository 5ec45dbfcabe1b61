package river.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import river.store.Base58;

/**
 * Mentions by member key. A mention is stored in the message text as the token {@code <@KEY>}, KEY
 * the member's verifying key in base58: base58 has no {@code <}, {@code @} or {@code >}, so a token
 * is unambiguous, and it names the member, not a nickname, so it follows renames (the view shows
 * the member's current nickname). The composer shows {@code @nickname}: {@link #encode} turns the
 * mentions the user chose back into tokens on send, {@link #decode} does the reverse when a stored
 * text (a draft, an edit) goes back into the composer. Pure.
 *
 * <p>The old form, plain {@code @nickname} text, still counts as a mention ({@link Attention}).
 */
public final class Mentions {
  private Mentions() {}

  /** Suggestions shown at most. */
  public static final int MAX_SUGGESTIONS = 8;

  /** The stored form of a mention of {@code memberKey} (base58). */
  public static String token(String memberKey) {
    return "<@" + memberKey + ">";
  }

  /** Whether {@code text} holds a mention token of {@code memberKey}. */
  public static boolean mentionsKey(String text, String memberKey) {
    return text != null && memberKey != null && text.contains(token(memberKey));
  }

  /**
   * The length of the token starting at {@code at} in {@code text} ({@code <@} base58 {@code >}),
   * or 0 when none starts there.
   */
  public static int tokenAt(String text, int at) {
    if (!text.startsWith("<@", at)) {
      return 0;
    }
    int i = at + 2;
    while (i < text.length() && Base58.isDigit(text.charAt(i))) {
      i++;
    }
    return i > at + 2 && i < text.length() && text.charAt(i) == '>' ? i + 1 - at : 0;
  }

  /** A member as offered after {@code @}. */
  public static final class Member {
    public final String key;
    public final String nickname;

    public Member(String key, String nickname) {
      this.key = key;
      this.nickname = nickname;
    }
  }

  /**
   * The {@code @query} being typed at {@code caret}: the index of its {@code @}, or -1. The
   * {@code @} must start the text or follow whitespace (so an e-mail address is not one), and the
   * query up to the caret holds no whitespace.
   */
  public static int queryStart(String text, int caret) {
    if (caret < 1 || caret > text.length()) {
      return -1;
    }
    for (int i = caret - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '@') {
        return i == 0 || Character.isWhitespace(text.charAt(i - 1)) ? i : -1;
      }
      if (Character.isWhitespace(c)) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Members whose nickname starts with {@code query} (ignoring case), then those with a later word
   * starting with it; each group by nickname; at most {@link #MAX_SUGGESTIONS}.
   */
  public static List<Member> suggest(String query, List<Member> members) {
    String q = query.toLowerCase();
    List<Member> first = new ArrayList<Member>();
    List<Member> later = new ArrayList<Member>();
    for (Member m : members) {
      String name = m.nickname.toLowerCase();
      if (name.startsWith(q)) {
        first.add(m);
      } else if (name.contains(" " + q)) {
        later.add(m);
      }
    }
    Comparator<Member> byName =
        new Comparator<Member>() {
          @Override
          public int compare(Member a, Member b) {
            return a.nickname.compareToIgnoreCase(b.nickname);
          }
        };
    Collections.sort(first, byName);
    Collections.sort(later, byName);
    first.addAll(later);
    return first.size() > MAX_SUGGESTIONS ? first.subList(0, MAX_SUGGESTIONS) : first;
  }

  /**
   * Turns the composer's {@code @nickname} of each chosen mention ({@code nickname -> key}) into
   * its token. A nickname counts only where it is not followed by a letter or digit; longer
   * nicknames are tried first, so {@code @Bob Smith} wins over {@code @Bob}.
   */
  public static String encode(String text, Map<String, String> chosen) {
    if (chosen.isEmpty()) {
      return text;
    }
    List<String> nicks = new ArrayList<String>(chosen.keySet());
    Collections.sort(
        nicks,
        new Comparator<String>() {
          @Override
          public int compare(String a, String b) {
            return b.length() - a.length();
          }
        });
    StringBuilder out = new StringBuilder();
    int i = 0;
    outer:
    while (i < text.length()) {
      if (text.charAt(i) == '@') {
        for (String nick : nicks) {
          int end = i + 1 + nick.length();
          if (!nick.isEmpty()
              && text.startsWith(nick, i + 1)
              && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            out.append(token(chosen.get(nick)));
            i = end;
            continue outer;
          }
        }
      }
      out.append(text.charAt(i));
      i++;
    }
    return out.toString();
  }

  /** Looks up a member's current nickname by key; null when unknown. */
  public interface Nicknames {
    String of(String memberKey);
  }

  /** A stored text as the composer shows it, with the mentions to encode again on send. */
  public static final class Decoded {
    public final String text;
    public final Map<String, String> chosen;

    Decoded(String text, Map<String, String> chosen) {
      this.text = text;
      this.chosen = chosen;
    }
  }

  /**
   * The reverse of {@link #encode}: each token of a member with a known nickname becomes {@code
   * @nickname}; tokens of unknown members stay as they are.
   */
  public static Decoded decode(String text, Nicknames nicknames) {
    Map<String, String> chosen = new LinkedHashMap<String, String>();
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int n = tokenAt(text, i);
      if (n > 0) {
        String key = text.substring(i + 2, i + n - 1);
        String nick = nicknames.of(key);
        if (nick != null && !nick.isEmpty()) {
          out.append('@').append(nick);
          chosen.put(nick, key);
          i += n;
          continue;
        }
      }
      out.append(text.charAt(i));
      i++;
    }
    return new Decoded(out.toString(), chosen);
  }
}
