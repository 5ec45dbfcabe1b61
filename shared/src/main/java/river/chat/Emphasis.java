package river.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Which delimiter runs of a message text pair up as emphasis, the way chat users type it: {@code
 * *italic*} or {@code _italic_}, {@code **bold**} or {@code __bold__}, {@code ~~struck~~}. Given
 * the runs in text order, it decides how many characters of each run are markup and which style
 * opens or closes there; the rest of a run is text. Pure: {@link MessageSpans} cuts the text into
 * runs and draws nothing itself.
 *
 * <p>The rules, a small subset of CommonMark's: a run can open when a non-space follows it and
 * close when a non-space precedes it; an underscore run only at a word's edge ({@code snake_case}
 * stays text). A closer pairs with the nearest opener of its character, two characters at a time
 * (bold) when both have two left, else one (italic); openers between them that never closed stay
 * text, so pairs always nest. A tilde run pairs only as exactly two ({@code ~~}). A run left over
 * after closing can open again.
 *
 * <p>Known hazard: it is not CommonMark. Punctuation-flanking and the "multiple of 3" rule are left
 * out, so a few tangles ({@code *a **b* c**}) pair differently from a Markdown renderer; what a
 * message shows is still every character the author typed that is not a pairing mark.
 */
final class Emphasis {
  private Emphasis() {}

  static final int BOLD = 1;
  static final int ITALIC = 2;
  static final int STRIKE = 4;

  /** One delimiter run as the text has it, and (after {@link #pair}) what it does. */
  static final class Run {
    final char c;
    final int length;
    final boolean canOpen;
    final boolean canClose;

    /** Styles closed at this run (before its text) and opened at it (after), one entry per pair. */
    final List<Integer> closes = new ArrayList<Integer>();

    final List<Integer> opens = new ArrayList<Integer>();

    /** Characters used by closing (its left side) and by opening (its right side). */
    int closedBy;

    int openedBy;

    /** While it waits on the stack: characters still free to open a pair. */
    int free;

    Run(char c, int length, char before, char after) {
      this.c = c;
      this.length = length;
      boolean usable = c != '~' || length == 2;
      this.canOpen = usable && !isSpace(after) && (c != '_' || !isWordChar(before));
      this.canClose = usable && !isSpace(before) && (c != '_' || !isWordChar(after));
    }

    /** How many of the run's characters stay text (between the closing and the opening ones). */
    int literal() {
      return length - closedBy - openedBy;
    }
  }

  static boolean isDelimiter(char c) {
    return c == '*' || c == '_' || c == '~';
  }

  /** 0 stands for the text's edge. */
  private static boolean isSpace(char c) {
    return c == 0 || Character.isWhitespace(c);
  }

  /** Letters and digits; any character past ASCII that is not a space counts as one too. */
  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || (c > 0x7F && !Character.isWhitespace(c));
  }

  /**
   * Pairs the runs, given in text order: fills each run's closes, opens and counts. Linear in the
   * runs: a closer looks down the stack only when an opener of its character waits there, and what
   * it looks past leaves the stack (a message of 32 KiB of marks must not stall the reader's tab).
   */
  static void pair(List<Run> runs) {
    List<Run> stack = new ArrayList<Run>();
    int[] waiting = new int[3]; // openers on the stack, per character
    for (Run run : runs) {
      int left = run.length;
      while (run.canClose && left > 0 && waiting[slot(run.c)] > 0) {
        int at = nearest(stack, run.c);
        Run opener = stack.get(at);
        while (stack.size() > at + 1) {
          // opened nothing since: its free characters are text
          waiting[slot(stack.remove(stack.size() - 1).c)]--;
        }
        int unit = run.c == '~' ? 2 : (left >= 2 && opener.free >= 2 ? 2 : 1);
        int style = run.c == '~' ? STRIKE : unit == 2 ? BOLD : ITALIC;
        opener.free -= unit;
        opener.openedBy += unit;
        opener.opens.add(style);
        run.closes.add(style);
        run.closedBy += unit;
        left -= unit;
        if (opener.free == 0) {
          stack.remove(at);
          waiting[slot(opener.c)]--;
        }
      }
      if (run.canOpen && left > 0) {
        run.free = left;
        stack.add(run);
        waiting[slot(run.c)]++;
      }
    }
  }

  private static int slot(char c) {
    return c == '*' ? 0 : c == '_' ? 1 : 2;
  }

  private static int nearest(List<Run> stack, char c) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (stack.get(i).c == c) {
        return i;
      }
    }
    return -1;
  }
}
