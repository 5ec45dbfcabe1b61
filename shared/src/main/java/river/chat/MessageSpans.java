package river.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A message text cut into what the view shows: plain text, links, mentions and code, each with the
 * emphasis it sits in. Only {@code http://} and {@code https://} URLs become links (any other
 * scheme, {@code javascript:} first of all, stays text); a URL starts at the text's start or after
 * a character that is not a letter or digit, runs to whitespace or one of {@code < > " '}, and
 * leaves out trailing punctuation ({@code . , ; : ! ? * _ ~}) and an unbalanced closing
 * parenthesis, so "see (https://x.org/a)." links {@code https://x.org/a}. Mentions are {@link
 * Mentions} tokens.
 *
 * <p>Formatting as chat users type it: {@code `code`} (any run of backticks, closed by a run of the
 * same length; nothing inside is markup), a run of three or more ({@code ```}) for a code block,
 * and {@link Emphasis}: {@code *italic*}, {@code _italic_}, {@code **bold**}, {@code ~~struck~~}. A
 * backslash before one of {@code * _ ~ ` \} makes it text. Markup that does not pair stays as
 * typed. The view builds each span from text nodes; nothing here is HTML. Pure.
 */
public final class MessageSpans {
  private MessageSpans() {}

  public enum Kind {
    TEXT,
    LINK,
    MENTION,
    /** Inline code: shown in a code font, as typed. */
    CODE,
    /** A code block: its own block, lines kept, as typed. */
    CODE_BLOCK
  }

  /** One span: its kind, its text (for MENTION, the member key in base58) and its emphasis. */
  public static final class Span {
    public final Kind kind;
    public final String text;
    private final int style;

    Span(Kind kind, String text) {
      this(kind, text, 0);
    }

    Span(Kind kind, String text, int style) {
      this.kind = kind;
      this.text = text;
      this.style = style;
    }

    public boolean bold() {
      return (style & Emphasis.BOLD) != 0;
    }

    public boolean italic() {
      return (style & Emphasis.ITALIC) != 0;
    }

    public boolean struck() {
      return (style & Emphasis.STRIKE) != 0;
    }

    // JVM only (tests, debugging): out of the bundle, see docs/adding-a-feature.md
    @river.cbor.GwtIncompatible
    @Override
    public String toString() {
      String marks = (bold() ? "b" : "") + (italic() ? "i" : "") + (struck() ? "s" : "");
      return kind + (marks.isEmpty() ? "" : "/" + marks) + ":" + text;
    }
  }

  /** A piece of the text between formatting decisions: characters, an atom or a delimiter run. */
  private static final class Piece {
    final String text; // TEXT characters, or an atom's span text
    final Kind atom; // null for characters and runs
    final Emphasis.Run run; // non-null for a delimiter run

    Piece(String text, Kind atom, Emphasis.Run run) {
      this.text = text;
      this.atom = atom;
      this.run = run;
    }
  }

  public static List<Span> of(String text) {
    List<Piece> pieces = cut(text);
    List<Emphasis.Run> runs = new ArrayList<Emphasis.Run>();
    for (Piece p : pieces) {
      if (p.run != null) {
        runs.add(p.run);
      }
    }
    Emphasis.pair(runs);
    return draw(pieces);
  }

  /**
   * The text as a reader sees it, without its markup: for one-line previews (a reply's quote, a
   * notification). Mention tokens stay tokens, for {@link Mentions#decode} to name.
   */
  public static String plain(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (Span s : of(text)) {
      out.append(s.kind == Kind.MENTION ? Mentions.token(s.text) : s.text);
    }
    return out.toString();
  }

  /** Cuts the text into characters, atoms (links, mentions, code) and delimiter runs. */
  private static List<Piece> cut(String text) {
    List<Piece> pieces = new ArrayList<Piece>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int mention = Mentions.tokenAt(text, i);
      int link = mention > 0 ? 0 : linkAt(text, i);
      int code = c == '`' ? codeAt(text, i) : 0;
      if (c == '\\' && i + 1 < text.length() && "*_~`\\".indexOf(text.charAt(i + 1)) >= 0) {
        plain.append(text.charAt(i + 1));
        i += 2;
      } else if (mention > 0 || link > 0 || code > 0) {
        flush(plain, pieces);
        if (mention > 0) {
          pieces.add(new Piece(text.substring(i + 2, i + mention - 1), Kind.MENTION, null));
          i += mention;
        } else if (link > 0) {
          pieces.add(new Piece(text.substring(i, i + link), Kind.LINK, null));
          i += link;
        } else {
          pieces.add(codePiece(text, i, code));
          i += code;
        }
      } else if (Emphasis.isDelimiter(c)) {
        int end = i;
        while (end < text.length() && text.charAt(end) == c) {
          end++;
        }
        flush(plain, pieces);
        char before = i > 0 ? text.charAt(i - 1) : 0;
        char after = end < text.length() ? text.charAt(end) : 0;
        pieces.add(new Piece(null, null, new Emphasis.Run(c, end - i, before, after)));
        i = end;
      } else if (c == '`') {
        int end = i;
        while (end < text.length() && text.charAt(end) == '`') {
          end++;
        }
        plain.append(text, i, end); // backticks that close nothing are text, all of the run
        i = end;
      } else {
        plain.append(c);
        i++;
      }
    }
    flush(plain, pieces);
    return pieces;
  }

  private static void flush(StringBuilder plain, List<Piece> pieces) {
    if (plain.length() > 0) {
      pieces.add(new Piece(plain.toString(), null, null));
      plain.setLength(0);
    }
  }

  /**
   * The length of the code span starting at {@code at} (opening run, text, closing run of the same
   * length), or 0 when the run closes nothing.
   */
  static int codeAt(String text, int at) {
    int n = 0;
    while (at + n < text.length() && text.charAt(at + n) == '`') {
      n++;
    }
    int i = at + n;
    while (i < text.length()) {
      if (text.charAt(i) != '`') {
        i++;
        continue;
      }
      int m = 0;
      while (i + m < text.length() && text.charAt(i + m) == '`') {
        m++;
      }
      if (m == n && i > at + n) {
        return i + m - at;
      }
      i += m;
    }
    return 0;
  }

  /**
   * A code span's piece: a block for three backticks or more, its first and last newline dropped.
   */
  private static Piece codePiece(String text, int at, int length) {
    int n = 0;
    while (text.charAt(at + n) == '`') {
      n++;
    }
    String inside = text.substring(at + n, at + length - n);
    if (n < 3) {
      return new Piece(inside, Kind.CODE, null);
    }
    if (inside.startsWith("\n")) {
      inside = inside.substring(1);
    }
    if (inside.endsWith("\n")) {
      inside = inside.substring(0, inside.length() - 1);
    }
    return new Piece(inside, Kind.CODE_BLOCK, null);
  }

  /** The spans: each piece with the emphasis open around it, equal neighbours joined. */
  private static List<Span> draw(List<Piece> pieces) {
    List<Span> spans = new ArrayList<Span>();
    int[] open = new int[3]; // how many bold, italic and struck pairs are open
    for (Piece p : pieces) {
      if (p.run == null) {
        add(spans, p.atom == null ? Kind.TEXT : p.atom, p.text, style(open));
        continue;
      }
      for (int s : p.run.closes) {
        open[index(s)]--;
      }
      if (p.run.literal() > 0) {
        add(spans, Kind.TEXT, repeat(p.run.c, p.run.literal()), style(open));
      }
      for (int s : p.run.opens) {
        open[index(s)]++;
      }
    }
    return spans;
  }

  private static void add(List<Span> spans, Kind kind, String text, int style) {
    Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
    if (kind == Kind.TEXT && last != null && last.kind == Kind.TEXT && last.style == style) {
      spans.set(spans.size() - 1, new Span(Kind.TEXT, last.text + text, style));
    } else if (kind != Kind.TEXT || !text.isEmpty()) {
      spans.add(new Span(kind, text, style));
    }
  }

  private static int index(int style) {
    return style == Emphasis.BOLD ? 0 : style == Emphasis.ITALIC ? 1 : 2;
  }

  private static int style(int[] open) {
    return (open[0] > 0 ? Emphasis.BOLD : 0)
        | (open[1] > 0 ? Emphasis.ITALIC : 0)
        | (open[2] > 0 ? Emphasis.STRIKE : 0);
  }

  private static String repeat(char c, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(c);
    }
    return b.toString();
  }

  /** The length of the http(s) URL starting at {@code at}, or 0. */
  static int linkAt(String text, int at) {
    if (at > 0
        && !Character.isWhitespace(text.charAt(at - 1))
        && "([{<\"'*_~".indexOf(text.charAt(at - 1)) < 0) {
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
      if (".,;:!?*_~".indexOf(last) >= 0) {
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
