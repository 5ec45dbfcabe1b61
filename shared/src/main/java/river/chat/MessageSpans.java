package river.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A message text cut into what the view shows: plain text, links and mentions. Only {@code http://}
 * and {@code https://} URLs become links (any other scheme, {@code javascript:} first of all, stays
 * text); a URL starts at the text's start or after a character that is not a letter or digit, runs
 * to whitespace or one of {@code < > " '}, and leaves out trailing punctuation ({@code . , ; : !
 * ?}) and an unbalanced closing parenthesis, so "see (https://x.org/a)." links {@code
 * https://x.org/a}. Mentions are {@link Mentions} tokens. The view builds each span from text
 * nodes; nothing here is HTML. Pure.
 */
public final class MessageSpans {
  private MessageSpans() {}

  public enum Kind {
    TEXT,
    LINK,
    MENTION
  }

  /** One span: its kind and its text (for MENTION, the member key in base58). */
  public static final class Span {
    public final Kind kind;
    public final String text;

    Span(Kind kind, String text) {
      this.kind = kind;
      this.text = text;
    }

    @Override
    public String toString() {
      return kind + ":" + text;
    }
  }

  public static List<Span> of(String text) {
    List<Span> spans = new ArrayList<Span>();
    int plainFrom = 0;
    int i = 0;
    while (i < text.length()) {
      int mention = Mentions.tokenAt(text, i);
      int link = mention > 0 ? 0 : linkAt(text, i);
      if (mention > 0 || link > 0) {
        if (i > plainFrom) {
          spans.add(new Span(Kind.TEXT, text.substring(plainFrom, i)));
        }
        if (mention > 0) {
          spans.add(new Span(Kind.MENTION, text.substring(i + 2, i + mention - 1)));
          i += mention;
        } else {
          spans.add(new Span(Kind.LINK, text.substring(i, i + link)));
          i += link;
        }
        plainFrom = i;
      } else {
        i++;
      }
    }
    if (plainFrom < text.length()) {
      spans.add(new Span(Kind.TEXT, text.substring(plainFrom)));
    }
    return spans;
  }

  /** The length of the http(s) URL starting at {@code at}, or 0. */
  static int linkAt(String text, int at) {
    if (at > 0
        && !Character.isWhitespace(text.charAt(at - 1))
        && "([{<\"'".indexOf(text.charAt(at - 1)) < 0) {
      return 0;
    }
    int schemeEnd;
    if (startsWithIgnoreCase(text, at, "https://")) {
      schemeEnd = at + 8;
    } else if (startsWithIgnoreCase(text, at, "http://")) {
      schemeEnd = at + 7;
    } else {
      return 0;
    }
    int end = schemeEnd;
    while (end < text.length() && !stops(text.charAt(end))) {
      end++;
    }
    // Trailing punctuation and unbalanced ')' belong to the sentence, not the URL.
    while (end > schemeEnd) {
      char last = text.charAt(end - 1);
      if (".,;:!?".indexOf(last) >= 0) {
        end--;
      } else if (last == ')'
          && count(text, schemeEnd, end, '(') < count(text, schemeEnd, end, ')')) {
        end--;
      } else {
        break;
      }
    }
    return end > schemeEnd ? end - at : 0;
  }

  private static boolean stops(char c) {
    return Character.isWhitespace(c) || c == '<' || c == '>' || c == '"' || c == '\'';
  }

  private static int count(String s, int from, int to, char c) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static boolean startsWithIgnoreCase(String s, int at, String prefix) {
    return s.regionMatches(true, at, prefix, 0, prefix.length());
  }
}
